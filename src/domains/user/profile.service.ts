import { inject, injectable } from 'tsyringe'
import { Prisma, type Profile } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import type { Sql } from '~/server/db/sql'
import { PRISMA, REALM_ID, SQL } from '~/server/di/tokens'
import { ConflictError, NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
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

/**
 * The profile row as JSON: `dateOfBirth` arrives as its ISO day, the search texts and the write
 * stamp stay in the database.
 */
type ProfileRecord = Omit<Profile, 'dateOfBirth' | 'searchPublic' | 'searchFull' | 'updatedAt'> & {
  dateOfBirth: string | null
}

interface ProfileRow {
  id: number
  screenName: string
  displayName: string
  email: string | null
  profile: ProfileRecord
  externalAccounts: { id: number; protocol: string; accountName: string }[]
}

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
    @inject(SQL) private readonly sql: Sql,
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

  /**
   * Registered users only: someone without a screen name has no profile page yet. One statement,
   * the accounts as JSON: a profile is read on every visit (docs/performance.md, fix 22).
   */
  private async row(userId: number): Promise<ProfileRow> {
    const [user] = await this.sql.rows<ProfileRow>(Prisma.sql`
      SELECT u.id, u."screenName", u."displayName", u.email,
        to_jsonb(p) - 'searchPublic' - 'searchFull' - 'updatedAt' AS profile,
        COALESCE((SELECT json_agg(json_build_object('id', a.id, 'protocol', a.protocol,
                    'accountName', a."accountName") ORDER BY a.protocol, a.id)
                  FROM "ExternalAccount" a WHERE a."realmId" = u."realmId" AND a."userId" = u.id),
                 '[]') AS "externalAccounts"
      FROM "User" u JOIN "Profile" p ON p."realmId" = u."realmId" AND p."userId" = u.id
      WHERE u."realmId" = ${this.realmId} AND u.id = ${userId} AND u."screenName" IS NOT NULL`)
    if (!user) throw new NotFoundError('User', userId)
    return user
  }
}

function sensitiveOf(user: { email: string | null }, profile: ProfileRecord) {
  return {
    gender: profile.gender,
    dateOfBirth: profile.dateOfBirth,
    homeAddress: profile.homeAddress,
    email: user.email,
    cellPhone: profile.cellPhone,
    webpage: profile.webpage,
    room: profile.room,
  } satisfies Record<PrivateField, unknown>
}
