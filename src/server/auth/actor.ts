/** Who is calling: an anonymous visitor or a logged-in user with a live session. */
export type Actor = { kind: 'anonymous' } | { kind: 'user'; userId: number; sessionId: string }

export const ANONYMOUS: Actor = { kind: 'anonymous' }
