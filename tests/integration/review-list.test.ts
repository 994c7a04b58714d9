// The reviewers' list's own filters and order (EvaluationListService): the status filters, a resort's
// subtree only, Hungarian order by group name, and the submission times as Dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvaluationListService } from '~/domains/evaluation/evaluation-list.service'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { createGroup } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)

const tag = `rl${Date.now().toString(36)}`
const ids: Record<string, number> = {}
const submittedAt = new Date('2026-11-20T10:00:00Z')

beforeAll(async () => {
  const { semester } = await t.app.resolve(SemesterSettingsService).current()
  ids.resort = (await createGroup(t.db, 'hub', { name: `${tag} Reszort`, purpose: 'RESORT' })).id
  ids.zeta = (await createGroup(t.db, 'hub', { name: `${tag} Zeta`, parentId: ids.resort })).id
  ids.cseh = (await createGroup(t.db, 'hub', { name: `${tag} Cseh`, parentId: ids.zeta })).id
  ids.czak = (await createGroup(t.db, 'hub', { name: `${tag} Czak`, parentId: ids.resort })).id
  ids.outside = (await createGroup(t.db, 'hub', { name: `${tag} Kívül` })).id
  const evaluation = (groupId: number, pointStatus: 'PENDING' | 'NOT_SUBMITTED', entryStatus = pointStatus) =>
    t.db.evaluation.create({
      data: {
        realmId: 'hub',
        groupId,
        semester,
        pointStatus,
        entryStatus,
        pointSubmittedAt: pointStatus === 'PENDING' ? submittedAt : null,
      },
    })
  await evaluation(ids.zeta as number, 'PENDING')
  await evaluation(ids.cseh as number, 'NOT_SUBMITTED', 'PENDING')
  await evaluation(ids.czak as number, 'PENDING', 'NOT_SUBMITTED')
  await evaluation(ids.outside as number, 'PENDING')
})

/** This file's groups in the list, by name without the tag (other files' evaluations are there too). */
const mine = (items: { groupName: string }[]) =>
  items.filter((i) => i.groupName.startsWith(tag)).map((i) => i.groupName.slice(tag.length + 1))

describe("the reviewers' list", () => {
  const list = () => t.app.resolve(EvaluationListService)

  it('lists every evaluation of the semester in Hungarian order (cs after c), with the groups joined', async () => {
    const all = await list().all()
    expect(mine(all)).toEqual(['Czak', 'Cseh', 'Kívül', 'Zeta'])
    const zeta = all.find((i) => i.groupId === ids.zeta)
    expect(zeta).toMatchObject({
      parentId: ids.resort,
      pointStatus: 'PENDING',
      pointSubmittedAt: submittedAt,
    })
  })

  it('filters by the points and the entry cards status', async () => {
    expect(mine(await list().all({ pointStatus: 'PENDING' }))).toEqual(['Czak', 'Kívül', 'Zeta'])
    expect(mine(await list().all({ entryStatus: 'PENDING' }))).toEqual(['Cseh', 'Kívül', 'Zeta'])
    expect(mine(await list().all({ pointStatus: 'PENDING', entryStatus: 'NOT_SUBMITTED' }))).toEqual(['Czak'])
  })

  it("lists a resort's whole subtree and nothing outside it", async () => {
    expect(mine(await list().ofResort({ resortId: ids.resort as number }))).toEqual(['Czak', 'Cseh', 'Zeta'])
    expect(
      mine(await list().ofResort({ resortId: ids.resort as number, pointStatus: 'NOT_SUBMITTED' })),
    ).toEqual(['Cseh'])
  })
})
