import { z } from 'zod'
import { Dormitory } from '~/generated/prisma/enums'
import { Id } from '~/shared/ids'
import { Room } from './field-rules'

export const DormitorySchema = z.enum(Dormitory)

/**
 * Used in the profile URL `/u/<screen name>`: 3–32 letters, digits, dots, dashes and underscores,
 * starting with a letter or digit. No slash or space can break the URL.
 */
export const ScreenName = z
  .string()
  .trim()
  .min(3, { error: 'tooShort' })
  .max(32, { error: 'tooLong' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'screenNameChars' })

/** Screen names are unique ignoring case: this key is what the database keeps unique per realm. */
export const screenNameKey = (screenName: string): string => screenName.toLowerCase()

/** Who lives outside the dormitories (or will not say) has no room to give. */
const NEEDS_ROOM: ReadonlySet<Dormitory> = new Set(
  Object.values(Dormitory).filter((d) => d !== 'EXTERNAL' && d !== 'UNKNOWN'),
)

export const RegistrationFields = z
  .object({ screenName: ScreenName, dormitory: DormitorySchema, room: Room })
  .refine((r) => r.room !== null || !NEEDS_ROOM.has(r.dormitory), { error: 'roomRequired', path: ['room'] })
export type RegistrationFields = z.input<typeof RegistrationFields>

export const RegistrationInput = RegistrationFields.safeExtend({ userId: Id })
export type RegistrationInput = z.input<typeof RegistrationInput>

export const Registered = z.object({ id: z.number(), screenName: z.string() })
export type Registered = z.infer<typeof Registered>
