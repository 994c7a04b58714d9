// The known holes of the system PéK replaces, as regression tests on the boundary world
// (./world.ts), in a realm of this file's own:
//   1. changing another user's privacy switches or external accounts — a user who may edit their
//      own profile names someone else's id (403), or their own id with someone else's account
//      (404); nothing changes in the realm;
//   2. reading hidden profile fields through a data API — a viewer holding every scope but the
//      full-profile ones calls every entry point of the registry, and no answer carries the target's
//      hidden e-mail, phone, home address, date of birth or gender, nor anyone's hidden e-mail
//      (the CSV exports carry the account e-mail by design, ADR 0016); nor does a search by a
//      hidden value find its owner;
//   3. a reviewer's edit of an accepted evaluation — the resort leader, the council and a holder
//      of every scope change its cells, entry cards, principles or report, judge it or recommend a
//      card: 409 with the rule that refused, and nothing changes, in every period.
// Counts: test-results/boundaries-known-holes.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import type { Period } from '~/domains/semester/semester.schema'
import type { EntryPoint } from '~/server/auth/entry-point'
import { SCOPE_NAMES, type Scope } from '~/server/auth/scopes'
import { createTestApp } from '../support/app'
import { loginToken } from '../support/sessions'
import { exampleOf } from './examples'
import { grantEverywhere, grantExactly, newUser, scopesGranting } from './grants'
import { photoFolder, servingCaller } from './handlers'
import { leakedMarkers } from './leaks'
import { realmState } from './realm-state'
import {
  all,
  evaluationIn,
  type Prepare,
  siblingWithoutPrinciples,
  targetAccountsAsBuilt,
  targetProfileAtVersionZero,
} from './stage'
import { tally } from './tally'
import type { Outcome } from './transport'
import { buildWorld, TARGET_PRIVACY, type World } from './world'

const realmId = `bounds-holes-${Date.now().toString(36)}`
const photos = photoFolder()
const t = createTestApp({ REALM_ID: realmId, PHOTO_STORAGE_DIR: photos.dir })
const call = servingCaller(t.app)
const record = tally('known-holes')
afterAll(async () => {
  record.write()
  await t.close()
  photos.remove()
})

let w: World
beforeAll(async () => {
  w = await buildWorld(t.db, realmId)
})

const entry = (name: string): EntryPoint => {
  const found = ENTRY_POINTS.find((e) => e.name === name)
  if (!found) throw new Error(`no entry point ${name}`)
  return found
}

/** A new user of the world holding what `grant` gives, with a live session token. */
async function userWith(grant: (userId: number) => Promise<void>): Promise<{ id: number; token: string }> {
  const id = await newUser(t.db, w)
  await grant(id)
  return { id, token: (await loginToken(t, id)).token }
}

/** The refusal's rule, as a client reads it (a tRPC error's cause, a route's error). */
function reasonOf(outcome: Outcome): string | undefined {
  const body = outcome.body as { cause?: { reason?: string }; error?: { reason?: string } }
  return body.cause?.reason ?? body.error?.reason
}

/** Puts the world into the state `prepare` makes (none of these depends on the caller). */
const stage = (prepare: Prepare) => prepare({ db: t.db, world: w, callerId: 0 })

/** Calls `name` with `input` as `token`'s holder; the realm's tables before and after. */
async function attempt(name: string, input: unknown, token: string) {
  const before = await realmState(t.db, w.realmId)
  const outcome = await call(entry(name), input, token)
  return { outcome, unchanged: (await realmState(t.db, w.realmId)) === before }
}

describe("another user's privacy switches and external accounts", () => {
  // What the baseline gives every logged-in user on themselves (ADR 0008): user:edit on their own profile.
  // Registered (a screen name), as anyone who reaches their profile page is.
  const self = () =>
    userWith(async (id) => {
      const screenName = `sajat-${id}`
      await t.db.user.update({
        where: { id_realmId: { id, realmId: w.realmId } },
        data: { screenName, screenNameKey: screenName },
      })
      await grantExactly(t.db, w, id, 'user:edit', { type: 'user', userId: id })
    })
  const everyPublic = Object.fromEntries(Object.keys(TARGET_PRIVACY).map((key) => [key, true]))

  it('are not changed through their own id: 403, nothing changes', async () => {
    const attacker = await self()
    const target = { userId: w.users.target }
    await stage(all(targetProfileAtVersionZero, targetAccountsAsBuilt))
    const cases: [string, unknown][] = [
      ['user.privacy', { ...target, version: 0, ...everyPublic }],
      ['user.addAccount', { ...target, protocol: 'TELEGRAM', accountName: 'atvett-fiok' }],
      [
        'user.updateAccount',
        { ...target, accountId: w.externalAccounts.main, protocol: 'GITHUB', accountName: 'atvett' },
      ],
      ['user.removeAccount', { ...target, accountId: w.externalAccounts.removable }],
    ]
    for (const [name, input] of cases) {
      const { outcome, unchanged } = await attempt(name, input, attacker.token)
      expect([name, outcome.status, unchanged]).toEqual([name, 403, true])
      expect([
        name,
        leakedMarkers(outcome.body, w.markersOf({ type: 'user', userId: w.users.target }), input),
      ]).toEqual([name, []])
      record.passed(name, "another user's id: 403, nothing changed or shown")
    }
  })

  it("are not changed through the caller's own id with the other's account: 404, nothing changes", async () => {
    const attacker = await self()
    await stage(targetAccountsAsBuilt)
    const own = { userId: attacker.id }
    const cases: [string, unknown][] = [
      [
        'user.updateAccount',
        { ...own, accountId: w.externalAccounts.main, protocol: 'GITHUB', accountName: 'atvett' },
      ],
      ['user.removeAccount', { ...own, accountId: w.externalAccounts.removable }],
    ]
    for (const [name, input] of cases) {
      const { outcome, unchanged } = await attempt(name, input, attacker.token)
      expect([name, outcome.status, unchanged]).toEqual([name, 404, true])
      record.passed(name, "the caller's own id with another user's account: 404, nothing changed")
    }
  })

  it('while the same user changes their own: the right is real, the target is what is refused', async () => {
    const owner = await self()
    const mine = { userId: owner.id }
    const cases: [string, unknown][] = [
      ['user.privacy', { ...mine, version: 0, ...everyPublic }],
      ['user.addAccount', { ...mine, protocol: 'TELEGRAM', accountName: 'sajat-fiok' }],
    ]
    for (const [name, input] of cases) {
      const { outcome, unchanged } = await attempt(name, input, owner.token)
      expect([name, outcome.status, unchanged], JSON.stringify(outcome.body)).toEqual([name, 200, false])
      record.passed(name, 'the caller’s own: 200 (the control)')
    }
  })
})

describe('hidden profile fields through the data APIs', () => {
  /** Who sees hidden fields (ADR 0008), and the scopes that grant those by themselves. */
  const FULL_PROFILE: readonly Scope[] = ['user:view-profile', 'user:edit']
  const fullProfileGrantors = new Set(FULL_PROFILE.flatMap((scope) => [scope, ...scopesGranting(scope)]))
  const viewer = () =>
    userWith((id) =>
      grantEverywhere(
        t.db,
        w,
        id,
        SCOPE_NAMES.filter((s) => !fullProfileGrantors.has(s)),
      ),
    )
  /** The target's hidden values as any answer would carry them (the phone as its digits, in any format). */
  const targetHidden = () => [
    ...w.markersOf({ type: 'user', userId: w.users.target }).filter((m) => w.hiddenMarkers.includes(m)),
    w.targetProfile.cellPhone.replace(/^\+36/, ''),
    w.targetProfile.dateOfBirth,
    `"${w.targetProfile.gender}"`,
  ]
  /** Every hidden value in the world: the target's, and every user's e-mail. */
  const everyHidden = () => [...new Set([...targetHidden(), ...w.hiddenMarkers])]
  const mails = () => new Set(w.hiddenMarkers.filter((m) => m.endsWith('Mail')))

  it('are what a full-profile viewer is shown: the values searched for are the real ones', async () => {
    const full = await userWith((id) =>
      grantEverywhere(t.db, w, id, ['user:view-basic', 'user:view-profile']),
    )
    const outcome = await call(entry('user.profile'), { userId: w.users.target }, full.token)
    expect(outcome.status).toBe(200)
    expect(leakedMarkers(outcome.body, targetHidden(), {})).toEqual(targetHidden())
  })

  const viewerOf = (() => {
    let made: Promise<{ id: number; token: string }> | undefined
    return () => {
      made ??= viewer()
      return made
    }
  })()

  it.each(ENTRY_POINTS.map((e) => [e.name, e] as const))(
    '%s shows none to a viewer holding every scope but the full-profile ones',
    async (_, e) => {
      const { id, token } = await viewerOf()
      const example = exampleOf(e)
      await example.prepare?.({ db: t.db, world: w, callerId: id })
      const input = example.input(w)
      const outcome = await call(e, input, token)
      const shown = leakedMarkers(outcome.body, everyHidden(), input)
      expect(outcome.status, JSON.stringify(outcome.body)).toBeLessThan(500)
      if (e.name.startsWith('exports.')) {
        // The exports list the account e-mail for the council's admission work (ADR 0016), nothing else hidden.
        expect(shown.filter((value) => !mails().has(value))).toEqual([])
        record.passed(e.name, `${outcome.status}: no hidden field but the account e-mail (ADR 0016)`)
      } else {
        expect(shown).toEqual([])
        record.passed(e.name, `${outcome.status}: no hidden field of anyone`)
      }
    },
  )

  it('are no search terms: searching by a hidden e-mail, phone or address finds nobody', async () => {
    const { token } = await viewerOf()
    const full = await userWith((id) =>
      grantEverywhere(t.db, w, id, ['user:view-basic', 'user:view-profile']),
    )
    const profile = w.targetProfile
    const mail = `${w.marker('TargetMail')}@pek.example`
    const probes = [mail, profile.cellPhone, `06${profile.cellPhone.slice(3)}`, profile.homeAddress]
    const foundTarget = (outcome: Outcome) => JSON.stringify(outcome.body).includes(w.screenNames.target)
    for (const name of ['search.people', 'search.everything']) {
      for (const q of probes) {
        const hidden = await call(entry(name), { q }, token)
        expect([name, q, hidden.status, foundTarget(hidden)]).toEqual([name, q, 200, false])
        record.passed(
          name,
          `searching by a hidden value (${q === mail ? 'e-mail' : 'phone or address'}) finds nobody`,
        )
      }
      // The control: a full-profile viewer finds the target by the e-mail and the phone.
      for (const q of probes.slice(0, 3)) {
        const shown = await call(entry(name), { q }, full.token)
        expect([name, q, foundTarget(shown)]).toEqual([name, q, true])
      }
    }
  })
})

describe("a reviewer's edit of an accepted evaluation", () => {
  const PERIODS: readonly Period[] = ['SUBMISSION', 'REVIEW', 'QUIET']
  const accepted = (period: Period): Prepare =>
    all(
      evaluationIn(period, { pointStatus: 'ACCEPTED', entryStatus: 'ACCEPTED' }),
      siblingAccepted,
      siblingWithoutPrinciples,
    )
  const siblingAccepted: Prepare = async ({ db, world }) => {
    await db.evaluation.update({
      where: { id_realmId: { id: world.evaluations.siblingCurrent, realmId: world.realmId } },
      data: { pointStatus: 'ACCEPTED', entryStatus: 'ACCEPTED' },
    })
  }

  /** Each edit, a real change of the evaluation, and the rule that refuses it per period. */
  const evaluation = () => ({ groupId: w.groups.circle, evaluationId: w.evaluations.current })
  const cell = () => ({
    ...evaluation(),
    principleId: w.principles.work,
    membershipId: w.memberships.memberA,
  })
  const card = () => ({ ...evaluation(), membershipId: w.memberships.memberA })
  const always = () => 'accepted'
  const EDITS: { name: string; input: () => unknown; reason: (period: Period) => string }[] = [
    {
      name: 'evaluation.reviewSetCell',
      input: () => ({ ...cell(), value: w.cellValue + 1, expected: w.cellValue }),
      reason: always,
    },
    {
      name: 'evaluation.setCell',
      input: () => ({ ...cell(), value: w.cellValue + 1, expected: w.cellValue }),
      reason: always,
    },
    {
      name: 'evaluation.reviewSetEntryCard',
      input: () => ({ ...card(), type: 'AB', justification: 'Átírva.' }),
      reason: always,
    },
    {
      name: 'evaluation.setEntryCard',
      input: () => ({ ...card(), type: 'AB', justification: 'Átírva.' }),
      reason: always,
    },
    {
      name: 'evaluation.createPrinciple',
      input: () => ({ ...evaluation(), name: 'Utólagos elv', category: 'WORK', maxPoints: 5 }),
      reason: always,
    },
    {
      name: 'evaluation.updatePrinciple',
      input: () => ({
        ...evaluation(),
        principleId: w.principles.work,
        name: 'Átnevezett elv',
        description: '',
        category: 'WORK',
        maxPoints: 10,
      }),
      reason: always,
    },
    {
      name: 'evaluation.deletePrinciple',
      input: () => ({ ...evaluation(), principleId: w.principles.spare }),
      reason: always,
    },
    {
      name: 'evaluation.copyPrinciples',
      input: () => ({ groupId: w.groups.sibling, evaluationId: w.evaluations.siblingCurrent }),
      reason: always,
    },
    {
      name: 'evaluation.setReport',
      input: () => ({ ...evaluation(), report: 'Átírt beszámoló.' }),
      reason: always,
    },
    {
      name: 'evaluation.judge',
      input: () => ({ ...evaluation(), pointStatus: 'REJECTED', explanation: 'Mégsem.' }),
      reason: (period) => (period === 'REVIEW' ? 'accepted' : 'period'),
    },
    {
      name: 'entryReview.recommend',
      input: () => ({ ...card(), type: 'AB', note: 'Utólag.' }),
      reason: (period) => (period === 'REVIEW' ? 'status' : 'period'),
    },
  ]

  const REVIEWERS: {
    who: string
    scopes: readonly Scope[]
    grant: (id: number, scopes: readonly Scope[]) => Promise<void>
  }[] = [
    {
      who: "the resort's leader",
      scopes: ['evaluation:view', 'evaluation:edit-pending', 'evaluation:judge', 'entry:review'],
      grant: async (id, scopes) => {
        for (const scope of scopes)
          await grantExactly(t.db, w, id, scope, { type: 'subtree', groupId: w.groups.resort })
      },
    },
    {
      who: 'the council leader',
      scopes: [
        'evaluation:view',
        'evaluation:oversee',
        'evaluation:edit-pending',
        'evaluation:judge',
        'evaluation:accept',
        'entry:review',
        'semester:admin',
      ],
      grant: (id, scopes) => grantEverywhere(t.db, w, id, scopes),
    },
    {
      who: 'a holder of every scope',
      scopes: SCOPE_NAMES,
      grant: (id, scopes) => grantEverywhere(t.db, w, id, scopes),
    },
  ]

  it.each(REVIEWERS.map((r) => [r.who, r] as const))(
    '%s is refused with the rule, and nothing changes',
    async (_, reviewer) => {
      const { token } = await userWith((id) => reviewer.grant(id, reviewer.scopes))
      for (const period of PERIODS) {
        for (const edit of EDITS) {
          await stage(accepted(period))
          const { outcome, unchanged } = await attempt(edit.name, edit.input(), token)
          const what = `${edit.name} in ${period}`
          // An edit the reviewer holds no right to is the guard's to refuse; the rest reaches the rules.
          const reaches = reviewer.scopes.includes(entry(edit.name).scope)
          expect([what, outcome.status, reasonOf(outcome), unchanged], JSON.stringify(outcome.body)).toEqual([
            what,
            reaches ? 409 : 403,
            reaches ? edit.reason(period) : undefined,
            true,
          ])
          if (reaches)
            record.passed(
              edit.name,
              `${reviewer.who}, ${period}: 409 ${edit.reason(period)}, nothing changed`,
            )
        }
      }
    },
  )

  it('while the same edits of a submitted (pending) evaluation go through for the reviewer: the control', async () => {
    const { token } = await userWith((id) =>
      grantEverywhere(t.db, w, id, ['evaluation:edit-pending', 'entry:review']),
    )
    await stage(evaluationIn('REVIEW', { pointStatus: 'PENDING', entryStatus: 'PENDING' }))
    for (const name of [
      'evaluation.reviewSetCell',
      'evaluation.reviewSetEntryCard',
      'entryReview.recommend',
    ]) {
      const edit = EDITS.find((e) => e.name === name)
      const input = edit?.input()
      const { outcome, unchanged } = await attempt(name, input, token)
      expect([name, outcome.status, unchanged], JSON.stringify(outcome.body)).toEqual([name, 200, false])
    }
  })
})
