// PRODUCT.md's evaluation caps, as the semesters migration stores them for every realm: tests that
// read the stored settings compare with these, and tests that change the caps put these back.
import type { EvaluationCaps } from '~/domains/semester/caps'
import type { Period } from '~/domains/semester/semester.schema'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import type { TestApp } from './app'

export const DEFAULT_CAPS: EvaluationCaps = {
  work: 30,
  responsibility: 20,
  total: 50,
  zeroTotalsUpTo: 2,
  minimumTotal: 5,
}

/** The caps input of `updateCaps` with every default, the community points cap (100) included. */
export const DEFAULT_CAPS_INPUT = { ...DEFAULT_CAPS, communityPointsCap: 100 }

/** Sets a test realm's semester and period directly (its settings row is made first when missing). */
export async function setRealmPeriod(t: TestApp, period: Period, semester: string) {
  await t.app.resolve(SemesterSettingsService).current()
  await t.db.semesterSettings.update({ where: { realmId: t.config.realmId }, data: { semester, period } })
}
