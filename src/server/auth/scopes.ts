// The permission scopes. Each is a verb on a kind of target; the policy system grants them.
// Refined from ../shared/PRODUCT.md: `group:view-members` separates the public directory from
// the member lists (docs/decisions/0005-authguard-and-scopes.md).
export const SCOPES = {
  'group:view': 'See a group in the directory and its public data (name, description, tree).',
  'group:view-members': "See a group's members and their posts.",
  'user:view-basic': "See a user's public profile: name, screen name, photo and the fields they made public.",
  'user:view-profile':
    "See a user's full profile, hidden fields included (the owner; holders of the full-profile permission).",
  'user:edit': "Change a user's profile, privacy switches, external accounts and photo (the owner; admins).",
  'user:admin': "Disable a user's account and end their sessions.",
  'session:view': 'See who you are logged in as (everyone, anonymous visitors too).',
} as const

export type Scope = keyof typeof SCOPES

/** What a permission applies to. `any` is for entry points that are not about one object. */
export type Target = { type: 'any' } | { type: 'group'; groupId: number } | { type: 'user'; userId: number }

export const ANY_TARGET: Target = { type: 'any' }
export const groupTarget = (groupId: number): Target => ({ type: 'group', groupId })
export const userTarget = (userId: number): Target => ({ type: 'user', userId })
