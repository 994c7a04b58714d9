import { TRPCError } from '@trpc/server'

/** The tRPC error code a call fails with, or 'OK': lets a test assert 401/403/404 in one line. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call
  } catch (error) {
    if (error instanceof TRPCError) return error.code
    throw error
  }
  return 'OK'
}
