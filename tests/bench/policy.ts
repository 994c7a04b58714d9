// Policy engine microbenchmarks (issue 4): a warm decision from a snapshot, a cold snapshot build,
// and decisions on trees of depth 1, 5 and 10 with 10, 1,000 and 10,000 statements. Every figure
// is also given as a ratio to the smallest case measured in the same run (these machines are noisy).
import { performance } from 'node:perf_hooks'
import { can, snapshotOf } from '~/domains/policy/engine'
import type { PolicyModel, Statement } from '~/domains/policy/model'
import { percentile } from './suite'

export interface PolicyCase {
  depth: number
  statements: number
  warmP50Us: number
  warmP99Us: number
  coldMs: number
}

const USER = 1
const BATCH = 200

/** A chain of `depth` groups under a root, plus enough sibling groups to hold `statements` grants. */
function model(depth: number, statements: number): { model: PolicyModel; deepest: number } {
  const groupParent = new Map<number, number | null>([[1, null]])
  for (let id = 2; id <= depth; id++) groupParent.set(id, id - 1)
  const firstSibling = depth + 1
  for (let i = 0; i < statements; i++) groupParent.set(firstSibling + i, 1)
  // One subtree grant on the root reaches the deepest group; the rest point at siblings.
  const list: Statement[] = [
    {
      id: 1,
      policyId: 1,
      scope: 'evaluation:view',
      target: { kind: 'group', groupId: 1, withDescendants: true },
    },
  ]
  for (let i = 1; i < statements; i++) {
    list.push({
      id: i + 1,
      policyId: 1,
      scope: 'evaluation:view',
      target: { kind: 'group', groupId: firstSibling + i, withDescendants: i % 2 === 0 },
    })
  }
  return {
    deepest: depth,
    model: {
      groupParent,
      policies: new Map([[1, { id: 1, name: 'bench', parentId: null, canIssue: false, audience: null }]]),
      statements: list,
      assignments: [{ policyId: 1, userId: USER }],
      bindings: [],
      posts: [],
      quiet: false,
    },
  }
}

export function benchPolicyCase(depth: number, statements: number, rounds: number): PolicyCase {
  const { model: m, deepest } = model(depth, statements)
  const target = { type: 'group' as const, groupId: deepest }
  const coldStart = performance.now()
  const snapshot = snapshotOf(m, USER)
  if (!can(snapshot, m, 'evaluation:view', target)) throw new Error('bench model must allow')
  const coldMs = performance.now() - coldStart
  const perCall: number[] = []
  let sink = 0
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    for (let i = 0; i < BATCH; i++) if (can(snapshot, m, 'evaluation:view', target)) sink++
    perCall.push(((performance.now() - start) * 1000) / BATCH)
  }
  if (sink === 0) throw new Error('unreachable')
  perCall.sort((a, b) => a - b)
  return { depth, statements, warmP50Us: percentile(perCall, 50), warmP99Us: percentile(perCall, 99), coldMs }
}

export function benchPolicy(quick: boolean): PolicyCase[] {
  const rounds = quick ? 300 : 3000
  // Warm up the JIT on the smallest case before measuring anything.
  benchPolicyCase(1, 10, rounds)
  return [1, 5, 10].flatMap((depth) => [10, 1_000, 10_000].map((n) => benchPolicyCase(depth, n, rounds)))
}
