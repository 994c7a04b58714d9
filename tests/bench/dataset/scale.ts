// How large the benchmark's dataset is. The full scale is issue 8's: 10,000 users, 400 groups in a
// tree up to depth 5, 60,000 memberships with history, 10 semesters of evaluations (about 300,000
// point cells). Quick mode keeps the shape at a fifth of the size so it seeds in seconds.

export interface Scale {
  users: number
  groups: number
  memberships: number
  /** Semesters with evaluations, the current one last (it is in SUBMISSION). */
  semesters: number
}

export const FULL_SCALE: Scale = { users: 10_000, groups: 400, memberships: 60_000, semesters: 10 }
export const QUICK_SCALE: Scale = { users: 2_000, groups: 80, memberships: 12_000, semesters: 10 }

export const scaleFor = (quick: boolean): Scale => (quick ? QUICK_SCALE : FULL_SCALE)
