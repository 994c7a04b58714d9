import { z } from 'zod'
import { AccountProtocol, Gender, StudentStatus } from '~/generated/prisma/enums'
import { Id, Version } from '~/shared/ids'
import { CellPhone, DateOfBirth, optionalText, Room, Webpage } from './field-rules'
import { DormitorySchema, ScreenName } from './registration.schema'

export const GenderSchema = z.enum(Gender)
export const StudentStatusSchema = z.enum(StudentStatus)
export const AccountProtocolSchema = z.enum(AccountProtocol)

export const UserIdInput = z.object({ userId: Id })
export type UserIdInput = z.input<typeof UserIdInput>

export const ScreenNameInput = z.object({ screenName: ScreenName })
export type ScreenNameInput = z.input<typeof ScreenNameInput>

/**
 * What the owner edits. First and last name are not here: they follow the AuthSCH claims at every
 * login (UserService.recordLogin), so an edit would be overwritten; the same holds for the e-mail.
 */
export const ProfileFields = z.object({
  nickname: optionalText(50),
  gender: GenderSchema,
  dateOfBirth: DateOfBirth,
  homeAddress: optionalText(200),
  cellPhone: CellPhone,
  webpage: Webpage,
  dormitory: DormitorySchema,
  room: Room,
  studentStatus: StudentStatusSchema,
})
export type ProfileFields = z.input<typeof ProfileFields>

/** Every edit names the version it started from: a stale one is refused (409), never merged. */
const Versioned = z.object({ userId: Id, version: Version })

export const ProfileUpdateInput = ProfileFields.extend(Versioned.shape)
export type ProfileUpdateInput = z.input<typeof ProfileUpdateInput>

/** The sensitive fields, each with its own switch (docs/decisions/0008-privacy.md). */
export const PRIVATE_FIELDS = [
  'gender',
  'dateOfBirth',
  'homeAddress',
  'email',
  'cellPhone',
  'webpage',
  'room',
] as const
export type PrivateField = (typeof PRIVATE_FIELDS)[number]

export const PrivacySettings = z.object({
  genderPublic: z.boolean(),
  dateOfBirthPublic: z.boolean(),
  homeAddressPublic: z.boolean(),
  emailPublic: z.boolean(),
  cellPhonePublic: z.boolean(),
  webpagePublic: z.boolean(),
  roomPublic: z.boolean(),
})
export type PrivacySettings = z.infer<typeof PrivacySettings>

export const PrivacyUpdateInput = PrivacySettings.extend(Versioned.shape)
export type PrivacyUpdateInput = z.input<typeof PrivacyUpdateInput>

export const ExternalAccountView = z.object({
  id: z.number(),
  protocol: AccountProtocolSchema,
  accountName: z.string(),
})
export type ExternalAccountView = z.infer<typeof ExternalAccountView>
export const ExternalAccountList = z.array(ExternalAccountView)

/**
 * A profile as one viewer may see it. The sensitive fields are optional keys: for a viewer without
 * the full-profile permission the server leaves a hidden one out entirely, so it is in no response,
 * no HTML and no cache. `privacy` (which switches are off) is likewise only for full viewers.
 */
export const ProfileView = z.object({
  id: z.number(),
  screenName: z.string(),
  displayName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  nickname: z.string().nullable(),
  dormitory: DormitorySchema,
  studentStatus: StudentStatusSchema,
  gender: GenderSchema.optional(),
  dateOfBirth: z.string().nullable().optional(),
  homeAddress: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  cellPhone: z.string().nullable().optional(),
  webpage: z.string().nullable().optional(),
  room: z.string().nullable().optional(),
  privacy: PrivacySettings.optional(),
  /** Whether the viewer may open the edit page (the server checks again on every change). */
  editable: z.boolean(),
  externalAccounts: ExternalAccountList,
})
export type ProfileView = z.infer<typeof ProfileView>

/** The edit page's data: everything, for the owner (or an admin) only. */
export const EditableProfile = z.object({
  id: z.number(),
  screenName: z.string(),
  displayName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  version: z.number(),
  fields: z.object({
    nickname: z.string().nullable(),
    gender: GenderSchema,
    dateOfBirth: z.string().nullable(),
    homeAddress: z.string().nullable(),
    cellPhone: z.string().nullable(),
    webpage: z.string().nullable(),
    dormitory: DormitorySchema,
    room: z.string().nullable(),
    studentStatus: StudentStatusSchema,
  }),
  privacy: PrivacySettings,
  externalAccounts: ExternalAccountList,
})
export type EditableProfile = z.infer<typeof EditableProfile>
