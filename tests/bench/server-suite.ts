// The production server under load (issue 8): a fresh database with the planned dataset, the built
// app and its floors side by side, every entry point driven through its real URL as realistic
// logged-in users, then a fixed-rate mixed load, editors saving cells, and the community points
// recomputation. What it measures and why: docs/performance.md.
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from '../support/postgres-server'
import { createBenchDatabase } from './bench-database'
import { planDataset } from './dataset/plan'
import { scaleFor } from './dataset/scale'
import { ENTRIES } from './http/entry-points'
import { type FixedRateResult, measureEntries, measureMixed, measureSaves, type Target } from './http/measure'
import { assertBuilt } from './http/server-fn'
import { logIn, newSessionKey } from './http/sessions'
import { workloads } from './http/workloads'
import { benchRecompute, type RecomputeResult } from './recompute'
import { serverReport } from './server-report'
import { POOL_SIZE, startBenchServers } from './servers/bench-servers'
import { productionSnapshot } from './servers/production-build'
import { partSelected, type Suite } from './suite'

const TIMES = {
  quick: { warmup: 1, each: 2, rounds: 2, mixed: 5, saves: 5, recomputeRuns: 1 },
  full: { warmup: 3, each: 10, rounds: 5, mixed: 30, saves: 30, recomputeRuns: 3 },
}
const MIXED_RATE = 300
const EDITORS = 100
/** How often one editor saves a cell: a number typed and Tab, about once a second. */
const SAVES_PER_EDITOR_PER_SECOND = 1

export const serverSuite: Suite = {
  name: 'server',
  parts: [...ENTRIES.map((e) => e.name), 'mixed', 'saves', 'recompute'],
  async run({ quick, root, build, only, mixedRate = MIXED_RATE }) {
    const wanted = (part: string) => partSelected(serverSuite, part, only)
    const names = ENTRIES.map((e) => e.name).filter(wanted)
    const times = TIMES[quick ? 'quick' : 'full']
    const resultsDir = join(root, 'bench-results')
    const plan = planDataset(scaleFor(quick))
    const snapshot = productionSnapshot(root, join(resultsDir, '.server'), build)
    assertBuilt(
      snapshot.serverJs,
      ENTRIES.map((e) => e.fn),
    )
    const database = await createBenchDatabase(root, plan)
    try {
      const key = newSessionKey()
      const appPort = await freePort()
      const load = workloads(plan)
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      const logins = await logIn(client, key, `http://127.0.0.1:${appPort}`, load.users).finally(() =>
        client.end(),
      )
      const servers = await startBenchServers({
        root,
        start: snapshot.start,
        databaseUrl: database.url,
        key,
        appPort,
        floorPort: await freePort(),
        logDir: resultsDir,
      })
      const target: Target = { ...servers, logins, load, connections: POOL_SIZE }
      const fixedRate: FixedRateResult[] = []
      const measured = await (async () => {
        const entries = names.length ? await measureEntries(target, names, times) : null
        if (wanted('mixed')) fixedRate.push(...(await measureMixed(target, mixedRate, times.mixed)))
        const editors = new Set(load.editors.slice(0, EDITORS))
        if (wanted('saves'))
          fixedRate.push(...(await measureSaves(target, editors, SAVES_PER_EDITOR_PER_SECOND, times.saves)))
        return entries
      })().finally(() => servers.stop())
      let recompute: RecomputeResult | null = null
      const failures: string[] = []
      if (wanted('recompute'))
        recompute = await benchRecompute(database.url, times.recomputeRuns).catch((error: unknown) => {
          failures.push(`community points recomputation: ${error instanceof Error ? error.message : error}`)
          return null
        })
      return serverReport({
        quick,
        built: snapshot.built,
        dataset: database.summary,
        seedMs: database.seedMs,
        connections: POOL_SIZE,
        times,
        entries: measured?.entries ?? [],
        hello: measured?.hello ?? null,
        fixedRate,
        peakRssMb: servers.app.peakRssMb(),
        recompute,
        failures,
      })
    } finally {
      await database.drop()
    }
  },
}
