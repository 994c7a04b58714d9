import { Prisma } from '~/generated/prisma/client'

/**
 * Whether a write failed on a unique constraint (Prisma's P2002). Services that let the database
 * decide a race (two users taking the same screen name at once) turn it into a ConflictError.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}
