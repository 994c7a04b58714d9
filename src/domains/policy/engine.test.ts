import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Scope, Target } from '~/server/auth/scopes'
import { ancestorsOf, can, explain, issuable, snapshotOf, whoCan } from './engine'
import type { PolicyModel, Statement, StatementTarget } from './model'
import { covers, uncovered } from './subset'

const SCOPES: Scope[] = [
  'group:view-members',
  'user:edit',
  'user:view-profile',
  'policy:issue',
  'evaluation:view',
]
/** Statements may also carry sudo, which the engine treats as every scope, and the period-bound oversee. */
const STATEMENT_SCOPES: Scope[] = [...SCOPES, 'supreme:sudo', 'evaluation:oversee']
const GROUPS = 8
const USERS = 5

const targetArb: fc.Arbitrary<StatementTarget> = fc.oneof(
  fc.constant({ kind: 'any' as const }),
  fc.record({
    kind: fc.constant('group' as const),
    groupId: fc.integer({ min: 1, max: GROUPS }),
    withDescendants: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('user' as const), userId: fc.integer({ min: 1, max: USERS }) }),
  fc.constant({ kind: 'self' as const }),
  fc.record({ kind: fc.constant('post-group' as const), withDescendants: fc.boolean() }),
)

const modelArb: fc.Arbitrary<PolicyModel> = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: GROUPS, maxLength: GROUPS }),
    audiences: fc.array(fc.constantFrom(null, null, 'EVERYONE' as const, 'AUTHENTICATED' as const), {
      minLength: 4,
      maxLength: 4,
    }),
    policyParents: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    canIssue: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    statements: fc.array(
      fc.record({
        policyId: fc.integer({ min: 1, max: 4 }),
        scope: fc.constantFrom(...STATEMENT_SCOPES),
        target: targetArb,
      }),
      { maxLength: 12 },
    ),
    assignments: fc.array(
      fc.record({ policyId: fc.integer({ min: 1, max: 4 }), userId: fc.integer({ min: 1, max: USERS }) }),
      { maxLength: 6 },
    ),
    bindings: fc.array(
      fc.record({ postTypeId: fc.integer({ min: 1, max: 3 }), policyId: fc.integer({ min: 1, max: 4 }) }),
      { maxLength: 3 },
    ),
    posts: fc.array(
      fc.record({
        userId: fc.integer({ min: 1, max: USERS }),
        postTypeId: fc.integer({ min: 1, max: 3 }),
        groupId: fc.integer({ min: 1, max: GROUPS }),
      }),
      { maxLength: 6 },
    ),
    quiet: fc.boolean(),
  })
  .map(
    ({ parents, audiences, policyParents, canIssue, statements, assignments, bindings, posts, quiet }) => ({
      // Group i's parent is a lower id (or none): a forest, like the real tree.
      groupParent: new Map(parents.map((p, i) => [i + 1, i === 0 || p % 3 === 0 ? null : (p % i) + 1])),
      policies: new Map(
        [1, 2, 3, 4].map((id) => [
          id,
          {
            id,
            name: `p${id}`,
            // Like groups: a lower id or none, so the policies form a forest.
            parentId:
              id === 1 || (policyParents[id - 1] ?? 0) % 3 === 0
                ? null
                : ((policyParents[id - 1] ?? 0) % (id - 1)) + 1,
            canIssue: canIssue[id - 1] ?? false,
            audience: audiences[id - 1] ?? null,
          },
        ]),
      ),
      statements: statements.map((s, i) => ({ ...s, id: i + 1 })),
      assignments,
      bindings,
      posts,
      quiet,
    }),
  )

const queryArb = fc.record({
  userId: fc.integer({ min: 1, max: USERS }),
  scope: fc.constantFrom(...SCOPES),
  target: fc.oneof(
    fc.constant<Target>({ type: 'any' }),
    fc.integer({ min: 1, max: GROUPS }).map((groupId): Target => ({ type: 'group', groupId })),
    fc.integer({ min: 1, max: GROUPS }).map((groupId): Target => ({ type: 'subtree', groupId })),
    fc.integer({ min: 1, max: USERS }).map((userId): Target => ({ type: 'user', userId })),
    fc.integer({ min: 1, max: 4 }).map((policyId): Target => ({ type: 'policy', policyId })),
    fc.integer({ min: 1, max: 4 }).map((parentId): Target => ({ type: 'new-policy', parentId })),
    fc.constant<Target>({ type: 'some-policy' }),
    fc.constant<Target>({ type: 'some-group' }),
  ),
})

/** The rules written out naively, straight from PRODUCT.md, as an oracle for the engine. */
function oracle(model: PolicyModel, userId: number, scope: Scope, target: Target): boolean {
  const reaches = (t: StatementTarget, postGroup: number | null): boolean => {
    if (t.kind === 'any') return true
    if (target.type === 'any') return false
    if (t.kind === 'self') return target.type === 'user' && target.userId === userId
    if (t.kind === 'user') return target.type === 'user' && target.userId === t.userId
    const groupId = t.kind === 'group' ? t.groupId : postGroup
    if (groupId === null) return false
    // A subtree is covered only by a grant with descendants, on the group or above it.
    if (target.type === 'subtree')
      return t.withDescendants && ancestorsOf(model.groupParent, target.groupId).includes(groupId)
    if (target.type !== 'group') return false
    if (groupId === target.groupId) return true
    return t.withDescendants && ancestorsOf(model.groupParent, target.groupId).includes(groupId)
  }
  const holdsScope = (wanted: Scope, onAnyOnly: boolean) => {
    const holds = (policyId: number, postGroup: number | null) =>
      model.statements.some(
        (s) =>
          s.policyId === policyId &&
          // Outside QUIET, oversee grants view (PRODUCT.md: the council sees evaluations then).
          (s.scope === wanted ||
            (wanted === 'evaluation:view' && s.scope === 'evaluation:oversee' && !model.quiet)) &&
          (s.target.kind !== 'post-group' || postGroup !== null) &&
          (onAnyOnly ? s.target.kind === 'any' : reaches(s.target, postGroup)),
      )
    return (
      [...model.policies.values()].some((p) => p.audience !== null && holds(p.id, null)) ||
      model.assignments.some((a) => a.userId === userId && holds(a.policyId, null)) ||
      model.posts.some(
        (p) =>
          p.userId === userId &&
          model.bindings.some((b) => b.postTypeId === p.postTypeId && holds(b.policyId, p.groupId)),
      )
    )
  }
  // A held "can issue" policy P: `policy:issue` on new policies under P or below it, and on
  // existing policies strictly below P.
  const held = (policyId: number) =>
    model.policies.get(policyId)?.audience != null ||
    model.assignments.some((a) => a.userId === userId && a.policyId === policyId) ||
    model.posts.some(
      (p) =>
        p.userId === userId &&
        model.bindings.some((b) => b.postTypeId === p.postTypeId && b.policyId === policyId),
    )
  const issuableUnder = (policyId: number | null | undefined): boolean => {
    for (let id = policyId; id !== null && id !== undefined; id = model.policies.get(id)?.parentId)
      if (model.policies.get(id)?.canIssue && held(id)) return true
    return false
  }
  const issues =
    scope === 'policy:issue' &&
    (target.type === 'new-policy'
      ? issuableUnder(target.parentId)
      : target.type === 'some-policy'
        ? [...model.policies.keys()].some(issuableUnder)
        : target.type === 'policy' && issuableUnder(model.policies.get(target.policyId)?.parentId))
  // Some group: the scope on at least one group of the model.
  if (target.type === 'some-group')
    return Array.from({ length: GROUPS }, (_, i) => i + 1).some((groupId) =>
      oracle(model, userId, scope, { type: 'group', groupId }),
    )
  // sudo on anything is every scope.
  return issues || holdsScope(scope, false) || holdsScope('supreme:sudo', true)
}

describe('policy engine consistency', () => {
  it('can = explain finds a chain = the user is in whoCan = the naive rules', () => {
    fc.assert(
      fc.property(modelArb, queryArb, (model, { userId, scope, target }) => {
        const snapshot = snapshotOf(model, userId)
        const allowed = can(snapshot, model, scope, target)
        const explanation = explain(snapshot, model, scope, target)
        expect(explanation.allowed).toBe(allowed)
        expect(explanation.chain !== null).toBe(allowed)
        const who = whoCan(model, scope, target)
        expect(who.users.has(userId) || who.loggedIn !== null || who.everyone !== null).toBe(allowed)
        expect(allowed).toBe(oracle(model, userId, scope, target))
      }),
      { numRuns: 500, seed: 20261122 },
    )
  })

  it('lists as issuable exactly the policies at or below a held "can issue" one, with that one', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 1, max: USERS }), (model, userId) => {
        const found = issuable(snapshotOf(model, userId), model)
        // Without statements only the "can issue" flags grant `policy:issue`: the oracle's subtrees.
        const flagsOnly = { ...model, statements: [] }
        for (const id of model.policies.keys()) {
          const expected = oracle(flagsOnly, userId, 'policy:issue', { type: 'new-policy', parentId: id })
          expect(found.has(id), `policy ${id}`).toBe(expected)
        }
        for (const [id, root] of found) {
          expect(model.policies.get(root)?.canIssue).toBe(true)
          expect(
            id === root ||
              can(snapshotOf(model, userId), model, 'policy:issue', { type: 'policy', policyId: id }),
          ).toBe(true)
        }
      }),
      { numRuns: 300, seed: 20261201 },
    )
  })

  it('explains a cascade through the ancestor that granted it', () => {
    const model: PolicyModel = {
      groupParent: new Map([
        [1, null],
        [2, 1],
        [3, 2],
      ]),
      policies: new Map([
        [1, { id: 1, name: 'resort leader', parentId: null, canIssue: false, audience: null }],
      ]),
      statements: [
        {
          id: 1,
          policyId: 1,
          scope: 'group:view-members',
          target: { kind: 'post-group', withDescendants: true },
        },
      ],
      assignments: [],
      bindings: [{ postTypeId: 7, policyId: 1 }],
      posts: [{ userId: 1, postTypeId: 7, groupId: 1 }],
      quiet: false,
    }
    const result = explain(snapshotOf(model, 1), model, 'group:view-members', {
      type: 'group',
      groupId: 3,
    })
    expect(result.chain).toMatchObject({
      throughAncestor: 1,
      grant: { source: { kind: 'post', groupId: 1, postTypeId: 7 } },
    })
    expect(can(snapshotOf(model, 2), model, 'group:view-members', { type: 'group', groupId: 3 })).toBe(false)
  })
})

describe('a subtree target', () => {
  // Resort 1 with circles 2 and 3 under it; user 1 holds the scope on the resort alone, user 2 on
  // the resort with its descendants.
  const model: PolicyModel = {
    groupParent: new Map([
      [1, null],
      [2, 1],
      [3, 1],
    ]),
    policies: new Map([
      [1, { id: 1, name: 'alone', parentId: null, canIssue: false, audience: null }],
      [2, { id: 2, name: 'with descendants', parentId: null, canIssue: false, audience: null }],
    ]),
    statements: [
      {
        id: 1,
        policyId: 1,
        scope: 'evaluation:view',
        target: { kind: 'group', groupId: 1, withDescendants: false },
      },
      {
        id: 2,
        policyId: 2,
        scope: 'evaluation:view',
        target: { kind: 'group', groupId: 1, withDescendants: true },
      },
    ],
    assignments: [
      { policyId: 1, userId: 1 },
      { policyId: 2, userId: 2 },
    ],
    bindings: [],
    posts: [],
    quiet: false,
  }
  const subtree = (groupId: number): Target => ({ type: 'subtree', groupId })

  it('is not covered by a grant on the group alone, which covers the group itself', () => {
    const alone = snapshotOf(model, 1)
    expect(can(alone, model, 'evaluation:view', { type: 'group', groupId: 1 })).toBe(true)
    expect(can(alone, model, 'evaluation:view', subtree(1))).toBe(false)
  })

  it('is covered by a grant with descendants on the group or above it', () => {
    const cascade = snapshotOf(model, 2)
    expect(can(cascade, model, 'evaluation:view', subtree(1))).toBe(true)
    expect(explain(cascade, model, 'evaluation:view', subtree(2)).chain).toMatchObject({ throughAncestor: 1 })
  })
})

describe('grants bound to the period', () => {
  const council = (quiet: boolean): PolicyModel => ({
    groupParent: new Map([[1, null]]),
    policies: new Map([[1, { id: 1, name: 'RVT-tag', parentId: null, canIssue: false, audience: null }]]),
    statements: [{ id: 1, policyId: 1, scope: 'evaluation:oversee', target: { kind: 'any' } }],
    assignments: [{ policyId: 1, userId: 1 }],
    bindings: [],
    posts: [],
    quiet,
  })
  const viewsGroup = (model: PolicyModel, userId: number) =>
    can(snapshotOf(model, userId), model, 'evaluation:view', { type: 'group', groupId: 1 })

  it('lets a council member see evaluations outside QUIET only, through the oversee statement', () => {
    expect(viewsGroup(council(false), 1)).toBe(true)
    expect(viewsGroup(council(true), 1)).toBe(false)
    expect(viewsGroup(council(false), 2)).toBe(false)
    const why = explain(snapshotOf(council(false), 1), council(false), 'evaluation:view', { type: 'any' })
    expect(why.chain?.grant).toMatchObject({ scope: 'evaluation:view', statementId: 1 })
  })
})

describe('delegation (a child holds only what its parent holds)', () => {
  it('a child whose statements are all covered never reaches further than its parent', () => {
    fc.assert(
      fc.property(
        modelArb,
        fc.array(fc.record({ scope: fc.constantFrom(...SCOPES), target: targetArb }), { maxLength: 4 }),
        queryArb,
        (model, childStatements, query) => {
          const parent = model.statements.filter((s) => s.policyId === 1)
          fc.pre(uncovered(childStatements, parent, model.groupParent).length === 0)
          const only = (statements: Pick<Statement, 'scope' | 'target'>[]): PolicyModel => ({
            ...model,
            statements: statements.map((s, i) => ({ ...s, id: i + 1, policyId: 1 })),
            assignments: [{ policyId: 1, userId: query.userId }],
            posts: model.posts.filter((p) => p.userId === query.userId),
            bindings: model.bindings.map((b) => ({ ...b, policyId: 1 })),
          })
          const viaChild = can(
            snapshotOf(only(childStatements), query.userId),
            model,
            query.scope,
            query.target,
          )
          const viaParent = can(snapshotOf(only(parent), query.userId), model, query.scope, query.target)
          expect(!viaChild || viaParent).toBe(true)
        },
      ),
      { numRuns: 500, seed: 7 },
    )
  })

  it('covers: anything ⊇ everything; a subtree ⊇ its descendants; a single group ⊉ its subtree', () => {
    const tree = new Map<number, number | null>([
      [1, null],
      [2, 1],
      [3, 2],
    ])
    expect(covers({ kind: 'any' }, { kind: 'self' }, tree)).toBe(true)
    expect(
      covers(
        { kind: 'group', groupId: 1, withDescendants: true },
        { kind: 'group', groupId: 3, withDescendants: true },
        tree,
      ),
    ).toBe(true)
    expect(
      covers(
        { kind: 'group', groupId: 1, withDescendants: false },
        { kind: 'group', groupId: 1, withDescendants: true },
        tree,
      ),
    ).toBe(false)
    expect(
      covers(
        { kind: 'group', groupId: 2, withDescendants: true },
        { kind: 'group', groupId: 1, withDescendants: false },
        tree,
      ),
    ).toBe(false)
    expect(covers({ kind: 'self' }, { kind: 'any' }, tree)).toBe(false)
  })
})
