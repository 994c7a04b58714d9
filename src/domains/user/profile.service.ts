import { inject, injectable } from 'tsyringe'
import type { Prisma } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { ConflictError, NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { isoDay } from './field-rules'
import {
  EditableProfile,
  PRIVATE_FIELDS,
  PrivacySettings,
  type PrivateField,
  ProfileFields,
  ProfileView,
} from './profile.schema'
import { screenNameKey } from './registration.schema'
import { SEARCHABLE_USER, searchableOf } from './searchable'

const PROFILE_SELECT = {
  id: true,
  screenName: true,
  displayName: true,
  email: true,
  profile: true,
  externalAccounts: {
    select: { id: true, protocol: true, accountName: true },
    orderBy: [{ protocol: 'asc' }, { id: 'asc' }],
  },
} as const satisfies Prisma.UserSelect

type ProfileRow = Prisma.UserGetPayload<{ select: typeof PROFILE_SELECT }>

const SWITCH: Record<PrivateField, keyof PrivacySettings> = {
  gender: 'genderPublic',
  dateOfBirth: 'dateOfBirthPublic',
  homeAddress: 'homeAddressPublic',
  email: 'emailPublic',
  cellPhone: 'cellPhonePublic',
  webpage: 'webpagePublic',
  room: 'roomPublic',
}

/** Profiles: viewing (with the hidden fields removed for others), editing and the privacy switches. */
@injectable()
export class ProfileService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  /** The user behind a screen name, in any letter case. */
  async userIdOf(screenName: string): Promise<{ userId: number }> {
    const user = await this.db.user.findUnique({
      where: { realmId_screenNameKey: { realmId: this.realmId, screenNameKey: screenNameKey(screenName) } },
      select: { id: true },
    })
    if (!user) throw new NotFoundError('User', screenName)
    return { userId: user.id }
  }

  /**
   * The profile as a viewer sees it. Without `full` (the owner or the full-profile permission), a
   * sensitive field whose switch is off is left out of the result, not blanked.
   */
  async profileOf(userId: number, viewer: { full: boolean; editable: boolean }): Promise<ProfileView> {
    const user = await this.row(userId)
    const profile = user.profile
    const privacy = PrivacySettings.parse(profile)
    const sensitive = sensitiveOf(user, profile)
    const visible = PRIVATE_FIELDS.filter((field) => viewer.full || privacy[SWITCH[field]])
    return ProfileView.parse({
      id: user.id,
      screenName: user.screenName,
      displayName: user.displayName,
      firstName: profile.firstName,
      lastName: profile.lastName,
      nickname: profile.nickname,
      dormitory: profile.dormitory,
      studentStatus: profile.studentStatus,
      ...Object.fromEntries(visible.map((field) => [field, sensitive[field]])),
      ...(viewer.full ? { privacy } : {}),
      editable: viewer.editable,
      externalAccounts: user.externalAccounts,
    })
  }

  /** Everything the edit page needs, the version included. */
  async editable(userId: number): Promise<EditableProfile> {
    const user = await this.row(userId)
    const { profile } = user
    const { email, ...sensitive } = sensitiveOf(user, profile)
    return EditableProfile.parse({
      id: user.id,
      screenName: user.screenName,
      displayName: user.displayName,
      firstName: profile.firstName,
      lastName: profile.lastName,
      email,
      version: profile.version,
      fields: {
        ...sensitive,
        nickname: profile.nickname,
        dormitory: profile.dormitory,
        studentStatus: profile.studentStatus,
      },
      privacy: PrivacySettings.parse(profile),
      externalAccounts: user.externalAccounts,
    })
  }

  /** 409 (ConflictError) when `version` is not the current one: someone saved in between. */
  async update(userId: number, version: number, input: ProfileFields): Promise<EditableProfile> {
    const fields = parseInput(ProfileFields, input)
    const { dateOfBirth, ...rest } = fields
    return this.versionedWrite(userId, version, {
      ...rest,
      dateOfBirth: dateOfBirth === null ? null : new Date(`${dateOfBirth}T00:00:00Z`),
    })
  }

  async setPrivacy(userId: number, version: number, input: PrivacySettings): Promise<EditableProfile> {
    return this.versionedWrite(userId, version, parseInput(PrivacySettings, input))
  }

  /**
   * Writes only if the profile is still at `version`, and moves it on. The conditional update takes
   * the row lock first, so of two edits from the same version exactly one wins; the search text is
   * then computed from the locked, updated row.
   */
  private async versionedWrite(
    userId: number,
    version: number,
    data: Prisma.ProfileUpdateManyMutationInput,
  ): Promise<EditableProfile> {
    await this.db.$transaction(async (tx) => {
      // Registered users only, as on read (`row`): someone without a screen name has no profile to edit.
      const written = await tx.profile.updateMany({
        where: { realmId: this.realmId, userId, version, user: { screenName: { not: null } } },
        data: { ...data, version: { increment: 1 } },
      })
      if (written.count === 0) {
        const current = await tx.profile.findUnique({
          where: { userId_realmId: { userId, realmId: this.realmId } },
          select: { version: true, user: { select: { screenName: true } } },
        })
        if (!current?.user.screenName) throw new NotFoundError('User', userId)
        throw new ConflictError(
          `The profile was changed meanwhile (version ${current.version}, not ${version}): reload and edit again`,
        )
      }
      const user = await tx.user.findUniqueOrThrow({
        where: { id_realmId: { id: userId, realmId: this.realmId } },
        select: SEARCHABLE_USER,
      })
      await tx.profile.update({
        where: { userId_realmId: { userId, realmId: this.realmId } },
        data: searchableOf(user),
      })
    })
    return this.editable(userId)
  }

  /** Registered users only: someone without a screen name has no profile page yet. */
  private async row(userId: number) {
    const user: ProfileRow | null = await this.db.user.findUnique({
      where: { id_realmId: { id: userId, realmId: this.realmId } },
      select: PROFILE_SELECT,
    })
    if (!user?.profile || !user.screenName) throw new NotFoundError('User', userId)
    return { ...user, profile: user.profile }
  }
}

function sensitiveOf(user: { email: string | null }, profile: NonNullable<ProfileRow['profile']>) {
  return {
    gender: profile.gender,
    dateOfBirth: profile.dateOfBirth && isoDay(profile.dateOfBirth),
    homeAddress: profile.homeAddress,
    email: user.email,
    cellPhone: profile.cellPhone,
    webpage: profile.webpage,
    room: profile.room,
  } satisfies Record<PrivateField, unknown>
}
