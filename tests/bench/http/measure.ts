// The timed phases against the running servers: each entry point against its floor (closed loop,
// warmed up first, after one checked request each, in alternating rounds), the HTTP floor, the fixed-rate mixed load and the
// editors' saves (open loop). The app's resident memory is read per phase.
import type { ServerProcess } from '../servers/process'
import { ENTRIES, type EntryName } from './entry-points'
import { closedLoop, closedLoopSamples, type LoadResult, paced, type Samples, summary } from './load'
import { type HttpCall, serverFnCall } from './server-fn'
import type { Login } from './sessions'
import type { Call, Workload, Workloads } from './workloads'

export interface Times {
  warmup: number
  each: number
  /** `each` is split into this many rounds of the app, each followed by one of the floor. */
  rounds: number
  mixed: number
  saves: number
}

export interface EntryResult {
  entry: EntryName
  label: string
  kind: 'read' | 'write'
  app: LoadResult
  floor: LoadResult
  /** CPU time of the server process per request (user + system, ms): steadier than req/s on a busy machine. */
  appCpuMs: number
  floorCpuMs: number
  /** The app's largest resident set during its run, MB. */
  rssMb: number
}

export interface FixedRateResult {
  name: string
  /** Which server served it: the app, or its floors (the same calls, for scale). */
  server: 'app' | 'floor'
  /** Which fixed-rate load (each runs against both servers). */
  kind: 'mixed' | 'saves'
  rate: number
  result: LoadResult
  rssMb: number
}

/** The mixed load's share of each entry point, out of 100: mostly browsing, some editing. */
export const MIX: Record<EntryName, number> = {
  directory: 10,
  group: 15,
  roster: 15,
  profile: 15,
  profileGroups: 10,
  search: 10,
  pointTable: 5,
  reviews: 5,
  cellSave: 15,
}

type Requests = () => HttpCall

const entry = (name: EntryName) => {
  const found = ENTRIES.find((e) => e.name === name)
  if (!found) throw new Error(`no entry point ${name}`)
  return found
}

function requests(
  logins: Map<number, Login>,
  workload: Workload,
  toCall: (call: Call, login: Login) => HttpCall,
) {
  return (): HttpCall => {
    const call = workload()
    const login = logins.get(call.userId)
    if (!login) throw new Error(`no session for user ${call.userId}`)
    return toCall(call, login)
  }
}

const appRequests = (logins: Map<number, Login>, name: EntryName, workload: Workload): Requests =>
  requests(logins, workload, (call, login) => serverFnCall(entry(name).fn, call.input, login.cookie))

/** The floor takes the same input as plain query parameters (a save: the same JSON body). */
const floorRequests = (logins: Map<number, Login>, name: EntryName, workload: Workload): Requests =>
  requests(logins, workload, (call, login): HttpCall => {
    if (entry(name).kind === 'write')
      return {
        method: 'POST',
        path: `/${name}`,
        headers: { cookie: login.cookie, 'content-type': 'application/json' },
        body: JSON.stringify(call.input),
      }
    const query = new URLSearchParams(Object.entries(call.input).map(([k, v]) => [k, String(v)]))
    return { method: 'GET', path: `/${name}?${query}`, headers: { cookie: login.cookie } }
  })

/** One request must come back 200 before anything is timed: a refusal would be measured as speed. */
async function probe(url: string, call: HttpCall, what: string) {
  const response = await fetch(url + call.path, {
    method: call.method,
    headers: call.headers,
    body: call.body,
  })
  if (response.status !== 200)
    throw new Error(`${what}: ${response.status} ${(await response.text()).slice(0, 300)}`)
}

/** The kinds of the mixed load interleaved (every 7th slot of 100), not in blocks. */
function interleaved(byName: Record<EntryName, Requests>): Requests {
  const slots = (Object.keys(MIX) as EntryName[]).flatMap((name) => Array<EntryName>(MIX[name]).fill(name))
  let i = 0
  return () => byName[slots[(i++ * 7) % slots.length] ?? 'directory']()
}

/**
 * Waits until the server is idle (under a tenth of a core for half a second; at most a minute): an
 * overloaded open-loop run leaves requests its client gave up on, which the server still works
 * through, and the next phase must not be measured against that backlog.
 */
async function settle(server: ServerProcess) {
  const WINDOW_MS = 500
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const before = server.cpuMs()
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS))
    if (server.cpuMs() - before < WINDOW_MS / 10) return
  }
}

/** Closed-loop runs of one server, with the CPU time it spent on them. */
class Timed {
  readonly runs: Samples[] = []
  cpuMs = 0
  constructor(private readonly server: ServerProcess) {}

  async run(next: Requests, connections: number, seconds: number) {
    const before = this.server.cpuMs()
    this.runs.push(await closedLoopSamples(this.server.url, next, { connections, seconds }))
    this.cpuMs += this.server.cpuMs() - before
  }

  /** The runs as one result, and the CPU per request. */
  result() {
    const result = summary(this.runs)
    return { result, cpuMs: this.cpuMs / Math.max(result.requests, 1) }
  }
}

export interface Target {
  app: ServerProcess
  floor: ServerProcess
  logins: Map<number, Login>
  load: Workloads
  connections: number
}

/** Each entry point against its floor, then the HTTP floor. */
export async function measureEntries(
  { app, floor, logins, load, connections }: Target,
  names: readonly EntryName[],
  times: Times,
): Promise<{ entries: EntryResult[]; hello: LoadResult }> {
  const entries: EntryResult[] = []
  for (const { name, label, kind } of ENTRIES.filter((e) => names.includes(e.name))) {
    const toApp = appRequests(logins, name, load.byEntry[name])
    const toFloor = floorRequests(logins, name, load.byEntry[name])
    await probe(app.url, toApp(), `the app's ${label}`)
    await probe(floor.url, toFloor(), `the floor's ${label}`)
    await closedLoop(app.url, toApp, { connections, seconds: times.warmup })
    await closedLoop(floor.url, toFloor, { connections, seconds: times.warmup })
    // App and floor take turns: when the machine's speed changes during the entry's run (other work
    // on the host), both see the change, and the ratio holds where back-to-back halves would not.
    const [ofApp, ofFloor] = [new Timed(app), new Timed(floor)]
    let rssMb = 0
    app.takePeakRssMb()
    for (let round = 0; round < times.rounds; round++) {
      await ofApp.run(toApp, connections, times.each / times.rounds)
      rssMb = Math.max(rssMb, app.takePeakRssMb())
      await ofFloor.run(toFloor, connections, times.each / times.rounds)
    }
    const [measured, base] = [ofApp.result(), ofFloor.result()]
    // Progress on stderr: a full run takes minutes.
    console.error(
      `  ${label}: app ${measured.result.rps.toFixed(0)} req/s, floor ${base.result.rps.toFixed(0)} req/s`,
    )
    entries.push({
      entry: name,
      label,
      kind,
      app: measured.result,
      floor: base.result,
      appCpuMs: measured.cpuMs,
      floorCpuMs: base.cpuMs,
      rssMb,
    })
  }
  const hello = await closedLoop(floor.url, () => ({ method: 'GET', path: '/hello', headers: {} }), {
    connections,
    seconds: times.each,
  })
  return { entries, hello }
}

type RequestsOf = typeof appRequests

/**
 * A fixed-rate load against the app and then, the same calls, against its floors: an absolute rate
 * says little on a machine that cannot serve it at all, and the floors' run shows whether it can.
 * Each run starts when both servers are idle; `warm` first runs a third of the time at half the
 * rate, not measured (the JIT, the users' first policy snapshots, the pool's connections).
 */
async function againstBoth(
  { app, floor }: Target,
  o: { name: string; kind: FixedRateResult['kind']; rate: number; seconds: number; warm: boolean },
  requests: (requestsOf: RequestsOf) => Requests,
): Promise<FixedRateResult[]> {
  const run = async (server: ServerProcess, requestsOf: RequestsOf, who: FixedRateResult['server']) => {
    await settle(app)
    await settle(floor)
    if (o.warm)
      await paced(server.url, requests(requestsOf), { rate: o.rate / 2, seconds: Math.ceil(o.seconds / 3) })
    server.takePeakRssMb()
    const result = await paced(server.url, requests(requestsOf), { rate: o.rate, seconds: o.seconds })
    return { name: o.name, server: who, kind: o.kind, rate: o.rate, result, rssMb: server.takePeakRssMb() }
  }
  return [await run(app, appRequests, 'app'), await run(floor, floorRequests, 'floor')]
}

/** Every entry point mixed (MIX); the point tables are the editors' own groups' (most are small). */
export function measureMixed(target: Target, rate: number, seconds: number): Promise<FixedRateResult[]> {
  const { logins, load } = target
  const workload = (name: EntryName) => (name === 'pointTable' ? load.ownTables : load.byEntry[name])
  return againstBoth(
    target,
    { name: `mixed load at ${rate} req/s`, kind: 'mixed', rate, seconds, warm: true },
    (requestsOf) =>
      interleaved(
        Object.fromEntries(
          ENTRIES.map((e) => [e.name, requestsOf(logins, e.name, workload(e.name))]),
        ) as Record<EntryName, Requests>,
      ),
  )
}

/**
 * `editors` saving cells of their own groups' tables, each `perSecond` times a second. The saves
 * flip values and name the last written one as `expected`, so the floor's run continues from where
 * the app's left the cells.
 */
export function measureSaves(
  target: Target,
  editors: ReadonlySet<number>,
  perSecond: number,
  seconds: number,
): Promise<FixedRateResult[]> {
  const { logins, load } = target
  return againstBoth(
    target,
    {
      name: `cell saves by ${editors.size} editors (${perSecond}/s each)`,
      kind: 'saves',
      rate: editors.size * perSecond,
      seconds,
      warm: false,
    },
    (requestsOf) => requestsOf(logins, 'cellSave', load.savesOf(editors)),
  )
}
