import { createFileRoute, type ErrorComponentProps } from '@tanstack/react-router'
import { CapsForm } from '~/domains/semester/components/CapsForm'
import { CurrentSemesterCard } from '~/domains/semester/components/CurrentSemester'
import { ExportCard } from '~/domains/semester/components/ExportCard'
import { ScheduleSwitch } from '~/domains/semester/components/ScheduleSwitch'
import { SwitchLogList } from '~/domains/semester/components/SwitchLogList'
import { SwitchNowForm } from '~/domains/semester/components/SwitchNowForm'
import { getSemesterLog, getSemesterState } from '~/domains/semester/semester.functions'
import { translate, useT } from '~/i18n'
import { statusOf } from '~/shared/public-error'
import { RouteError } from '~/shared/RouteError'
import { ErrorState, PageHeader } from '~/ui'

// The RVT leader's screen (issue 6). The log needs `semester:admin`, so anyone else gets the
// guard's 403 from the loader, rendered by SemesterError below.
export const Route = createFileRoute('/admin/semester')({
  loader: async () => {
    const [state, log] = await Promise.all([getSemesterState(), getSemesterLog()])
    return { state, log }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'semester.title')} – PéK` }],
  }),
  component: SemesterPage,
  errorComponent: SemesterError,
})

function SemesterPage() {
  const t = useT()
  const { state, log } = Route.useLoaderData()
  return (
    <>
      <PageHeader title={t('semester.title')} description={t('semester.description')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-6">
          <CurrentSemesterCard state={state} />
          <SwitchNowForm state={state} />
          <ScheduleSwitch state={state} upcoming={log.upcoming} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <CapsForm state={state} />
          <ExportCard state={state} />
          <SwitchLogList past={log.past} />
        </div>
      </div>
    </>
  )
}

/** A 403 says who may use the screen; any other failure is the usual error page. */
function SemesterError(props: ErrorComponentProps) {
  const t = useT()
  if (statusOf(props.error) !== 403) return <RouteError {...props} />
  return (
    <ErrorState
      status={403}
      headingLevel={1}
      title={t('semester.forbidden.title')}
      message={t('semester.forbidden.message')}
    />
  )
}
