// The evaluation notifications read as sentences built from their params (the status service sends
// the group, the semester, each request's from → to and the explanation).
import { describe, expect, it } from 'vitest'
import { notificationText } from '~/domains/notification/components/notification-text'
import { type Locale, type TFunction, translate } from '~/i18n'

const tOf =
  (locale: Locale): TFunction =>
  (key, ...args) =>
    translate(locale, key, ...args)

const params = {
  groupId: 10,
  groupName: 'Kir-Dev',
  evaluationId: 3,
  semester: '2026-2027/1',
  pointFrom: 'PENDING',
  pointTo: 'ACCEPTED',
  entryFrom: 'NOT_SUBMITTED',
  entryTo: 'NOT_SUBMITTED',
  reason: 'Rendben.',
}

describe('evaluation notification texts', () => {
  it('a judgement names the requests it changed, their new status, the semester and the reason', () => {
    expect(notificationText(tOf('hu'), { kind: 'EVALUATION_JUDGED', params })).toBe(
      'Kir-Dev értékelését elbírálták (2026/27 ősz): pontkérelem: bírálatra vár → elfogadva. Indoklás: Rendben.',
    )
    expect(notificationText(tOf('en'), { kind: 'EVALUATION_JUDGED', params })).toBe(
      'The evaluation of Kir-Dev was judged (2026/27 autumn): point request: awaiting review → accepted. Explanation: Rendben.',
    )
  })

  it('a submission names what was submitted', () => {
    const submitted = {
      ...params,
      pointFrom: 'NOT_SUBMITTED',
      pointTo: 'PENDING',
      reason: 'points submitted',
    }
    expect(notificationText(tOf('hu'), { kind: 'EVALUATION_SUBMITTED', params: submitted })).toBe(
      'Kir-Dev leadta: pontkérelem (2026/27 ősz). Bírálatra vár.',
    )
  })

  it('missing params read "unknown", never undefined', () => {
    const text = notificationText(tOf('hu'), { kind: 'EVALUATION_JUDGED', params: {} })
    expect(text).not.toContain('undefined')
    expect(text).toContain('ismeretlen')
  })
})
