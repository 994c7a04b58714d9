import { z } from 'zod'

/** What an admin's disable / enable / end-sessions call leaves behind. */
export const AccountAccess = z.object({
  userId: z.number(),
  disabled: z.boolean(),
  /** Sessions this call revoked. */
  endedSessions: z.number(),
})
export type AccountAccess = z.infer<typeof AccountAccess>
