// The community points recomputation the switch to QUIET runs (CommunityPointsService.recompute,
// ADR 0014): the last closed semester over its two semesters of accepted points, for every user with
// points, timed on the bench database with the hub's own services, rolled back after each run.
import { PrismaAcceptedPointsSource } from '~/domains/evaluation/evaluation-points'
import { CommunityPointsService } from '~/domains/semester/community-points.service'
import { previousSemester } from '~/domains/semester/semester-id'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { createPrismaClient, withRealmGuard } from '~/server/db/client'
import { sqlThrough } from '~/server/db/sql'
import { REALM } from './dataset/load'
import { CURRENT_SEMESTER } from './dataset/timeline'

export interface RecomputeResult {
  semester: string
  users: number
  /** Each run's wall time, in the order run. */
  runsMs: number[]
  medianMs: number
}

class RolledBack extends Error {}

export async function benchRecompute(databaseUrl: string, runs: number): Promise<RecomputeResult> {
  const owner = createPrismaClient({ url: databaseUrl, poolSize: 2 })
  try {
    const db = withRealmGuard(owner, REALM)
    const clock = { now: () => new Date() }
    const source = new PrismaAcceptedPointsSource(
      REALM,
      new SemesterSettingsService(sqlThrough(db), REALM, clock),
    )
    const service = new CommunityPointsService(REALM, clock, source)
    const semester = previousSemester(CURRENT_SEMESTER)
    const runsMs: number[] = []
    let users = 0
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      await db
        .$transaction(
          async (tx) => {
            users = await service.recompute(tx, semester, 100)
            runsMs.push(performance.now() - started)
            throw new RolledBack()
          },
          { timeout: 120_000 },
        )
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error
        })
    }
    const sorted = [...runsMs].sort((a, b) => a - b)
    return { semester, users, runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN }
  } finally {
    await owner.$disconnect()
  }
}
