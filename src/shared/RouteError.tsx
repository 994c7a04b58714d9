import type { ErrorComponentProps } from '@tanstack/react-router'
import { ErrorState } from '~/ui'
import { statusOf } from './public-error'

/** The error page of every route: the status a server function failed with picks the message. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return <ErrorState status={statusOf(error) ?? 500} headingLevel={1} onRetry={reset} />
}

export function NotFoundPage() {
  return <ErrorState status={404} headingLevel={1} />
}
