// What the request's log line and metrics need but only code deeper in the request learns: which
// entry point or route pattern answered and who the caller was. The request middleware opens a
// store per request; the root route's server middleware and the guards fill it in.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestFacts {
  /** The entry point's name (`group.get`) or the matched route's pattern (`/groups/$groupId`). */
  route?: string
  /** The logged-in caller, once a guard has authenticated the session. */
  userId?: number
}

const storage = new AsyncLocalStorage<RequestFacts>()

/** Runs one request's handling with `facts` as its store: whatever the request learns lands there. */
export function runWithRequestFacts<T>(facts: RequestFacts, handle: () => T): T {
  return storage.run(facts, handle)
}

/**
 * Fills in what the current request's facts do not have yet; the first to learn a fact wins. A page
 * request names its route pattern before the server functions its loaders call run their guards,
 * so the page keeps its pattern. Outside a request (tests calling services) it does nothing.
 */
export function noteRequestFacts(update: RequestFacts): void {
  const facts = storage.getStore()
  if (!facts) return
  facts.route ??= update.route
  facts.userId ??= update.userId
}
