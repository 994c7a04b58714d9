// What the request's log line and metrics need but only code deeper in the request learns: which
// entry point answered a server function call and who the caller was. The request middleware opens
// a store per request; the guards and the login fill it in.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestFacts {
  /** The entry point's name (`group.get`) of a server function call. */
  route?: string
  /** The logged-in caller, once a guard has authenticated the session. */
  userId?: number
}

interface Store {
  facts: RequestFacts
  /** A page request names no entry point although its loaders' server functions run their guards. */
  serverFunction: boolean
}

const storage = new AsyncLocalStorage<Store>()

/** Runs one request's handling with `facts` as its store: whatever the request learns lands there. */
export function runWithRequestFacts<T>(
  facts: RequestFacts,
  request: { serverFunction: boolean },
  handle: () => T,
): T {
  return storage.run({ facts, serverFunction: request.serverFunction }, handle)
}

// Outside a request (tests calling services) these do nothing; the first fact learnt wins.

export function noteEntryPoint(name: string): void {
  const store = storage.getStore()
  if (store?.serverFunction) store.facts.route ??= name
}

export function noteUser(userId: number | undefined): void {
  const store = storage.getStore()
  if (store) store.facts.userId ??= userId
}
