// What the request's log line and metrics need but only code deeper in the request learns: which
// entry point answered a server function call and who the caller was. The request middleware opens
// a store per request; the guards and the login fill it in.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestFacts {
  /**
   * The first entry point whose guard ran (`group.get`): a server function call's own. A page's
   * loaders run several, so the middleware names a page by its route instead.
   */
  entryPoint?: string
  /** The logged-in caller, once a guard has authenticated the session. */
  userId?: number
}

const storage = new AsyncLocalStorage<RequestFacts>()

/** Runs one request's handling with `facts` as its store: whatever the request learns lands there. */
export function runWithRequestFacts<T>(facts: RequestFacts, handle: () => T): T {
  return storage.run(facts, handle)
}

// Outside a request (tests calling services) these do nothing; the first fact learnt wins.

export function noteEntryPoint(name: string): void {
  const facts = storage.getStore()
  if (facts) facts.entryPoint ??= name
}

export function noteUser(userId: number | undefined): void {
  const facts = storage.getStore()
  if (facts) facts.userId ??= userId
}
