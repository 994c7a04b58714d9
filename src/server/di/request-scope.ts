import type { DependencyContainer } from 'tsyringe'
import type { Actor } from '../auth/actor'
import { ACTOR, REQUEST_ID } from './tokens'

/** The request's own container: services resolved from it see this request's actor and id. */
export function requestContainer(
  app: DependencyContainer,
  actor: Actor,
  requestId: string,
): DependencyContainer {
  const scope = app.createChildContainer()
  scope.register(ACTOR, { useValue: actor })
  scope.register(REQUEST_ID, { useValue: requestId })
  return scope
}
