import { z } from 'zod'
import { Id } from '~/shared/ids'
import { Text } from '~/shared/text'
import { AccountProtocolSchema } from './profile.schema'

export const ExternalAccountFields = z.object({
  protocol: AccountProtocolSchema,
  accountName: Text.trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
})
export type ExternalAccountFields = z.input<typeof ExternalAccountFields>

// Every call names the owner; the guard checks `user:edit` on that user, and the service only
// touches an account that belongs to them.
export const AddExternalAccountInput = ExternalAccountFields.extend({ userId: Id })
export type AddExternalAccountInput = z.input<typeof AddExternalAccountInput>

export const UpdateExternalAccountInput = ExternalAccountFields.extend({ userId: Id, accountId: Id })
export type UpdateExternalAccountInput = z.input<typeof UpdateExternalAccountInput>

export const RemoveExternalAccountInput = z.object({ userId: Id, accountId: Id })
export type RemoveExternalAccountInput = z.input<typeof RemoveExternalAccountInput>

/** More would be abuse rather than contact details. */
export const MAX_EXTERNAL_ACCOUNTS = 20
