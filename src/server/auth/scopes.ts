// The permission scopes. Each is a verb on a kind of target; the policy system grants them.
// From ../shared/PRODUCT.md, refined: `group:view-members` separates the public directory from the
// member lists, `session:view` lets anyone ask who they are, `user:admin` guards account access
// (docs/decisions/0005-authguard-and-scopes.md), `evaluation:edit-pending` is the reviewers' edit
// right during review, `policy:issue` the delegation right of "can issue" policies (ADR 0012),
// `evaluation:oversee` the council members' `evaluation:view` that lapses in QUIET (ADR 0017).
export const SCOPES = {
  'group:view': 'See a group in the directory and its public data (name, description, tree).',
  'group:view-members': "See a group's members and their posts.",
  'user:view-basic': "See a user's public profile: name, screen name, photo and the fields they made public.",
  'user:view-profile':
    "See a user's full profile, hidden fields included (the owner; holders of the full-profile permission).",
  'user:edit': "Change a user's profile, privacy switches, external accounts and photo (the owner; admins).",
  'user:admin': "Disable a user's account and end their sessions.",
  'session:view': 'See who you are logged in as (everyone, anonymous visitors too).',
  'group:apply': 'Apply to a group and withdraw the application (every logged-in user, for themselves).',
  'user:notifications': "Read a user's notifications and mark them read (the user themselves).",
  'group:view-history': "See a group's past semesters: each member's points and entry card.",
  'group:edit-profile': "Edit a group's data (name, description, links, flags).",
  'group:member-admin': 'Accept or reject applicants and move members between states.',
  'group:role-admin': "Give and take posts, define the group's own post types.",
  'group:owner': 'Lead the group: hand over leadership, write the semester report.',
  'group:create-subgroup': 'Create groups under this group.',
  'group:create-toplevel': 'Create groups at the top of the tree.',
  'evaluation:view': "See a group's semester evaluation.",
  'evaluation:oversee': "See groups' semester evaluations outside the quiet period (the council's members).",
  'evaluation:edit-draft': 'Fill in points and entry cards while the evaluation is a draft.',
  'evaluation:submit': 'Submit or cancel the point and entry requests.',
  'evaluation:edit-pending': "Edit a submitted (PENDING) evaluation's points and entry cards during review.",
  'evaluation:judge': 'Review submitted evaluations and set any status but ACCEPTED.',
  'evaluation:accept': 'Accept evaluations and change accepted ones.',
  'entry:review': 'Recommend and finalise colored entry cards.',
  'semester:admin': 'Switch semesters and periods, export CSVs.',
  'policy:admin': 'Edit policies, statements and who holds them; explain any decision.',
  'policy:issue':
    'Create, edit and assign policies: below a policy held with "can issue" (implied by it), or anywhere (PéK admins).',
  'supreme:sudo': 'Everything (held by nobody in the seed).',
} as const

export type Scope = keyof typeof SCOPES

export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[]

export const isScope = (value: string): value is Scope => Object.hasOwn(SCOPES, value)

/** What a permission applies to. `any` is for entry points that are not about one object. */
export type Target =
  | { type: 'any' }
  | { type: 'group'; groupId: number }
  /**
   * A group and every group below it, for what spans a subtree (a resort's lists): held through a
   * grant on the group or an ancestor with its descendants, or on anything — never one on the group alone.
   */
  | { type: 'subtree'; groupId: number }
  | { type: 'user'; userId: number }
  /** An existing policy, as the object of a policy write (its statements, holders, name). */
  | { type: 'policy'; policyId: number }
  /** A policy about to be created under `parentId`. */
  | { type: 'new-policy'; parentId: number }
  /** At least one policy, whichever: may the actor issue anywhere at all (the nav asks, ADR 0012)? */
  | { type: 'some-policy' }
  /** At least one group, whichever: does the actor hold the scope on any group (the nav asks)? */
  | { type: 'some-group' }

export const ANY_TARGET: Target = { type: 'any' }
export const groupTarget = (groupId: number): Target => ({ type: 'group', groupId })
export const subtreeTarget = (groupId: number): Target => ({ type: 'subtree', groupId })
export const userTarget = (userId: number): Target => ({ type: 'user', userId })
export const policyTarget = (policyId: number): Target => ({ type: 'policy', policyId })
export const newPolicyTarget = (parentId: number): Target => ({ type: 'new-policy', parentId })
export const SOME_POLICY: Target = { type: 'some-policy' }
export const SOME_GROUP: Target = { type: 'some-group' }
