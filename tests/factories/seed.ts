import { type DemoDatasetSummary, loadDemoDataset } from './demo-dataset'
import type { Db } from './records'

/** Seeds the demo dataset unless the realm already has groups; returns what it loaded, or null. */
export async function seedIfEmpty(db: Db, realmId: string): Promise<DemoDatasetSummary | null> {
  const existing = await db.group.count({ where: { realmId } })
  if (existing > 0) return null
  const summary = await loadDemoDataset(db, { realmId })
  // Fresh statistics, so the planner uses the search's trigram indexes right away (ADR 0009).
  await db.$executeRawUnsafe('ANALYZE')
  return summary
}
