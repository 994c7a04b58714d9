// The two screens the policy pieces appear on: the policy admin's whole tree, and an issuer's own
// subtrees (ADR 0012). Both keep the selected policy in the URL as `?policy=<id>`.
export const POLICY_SCREENS = { admin: '/admin/policies', issuer: '/policies/issued' } as const
export type PolicyScreen = keyof typeof POLICY_SCREENS
