// Registered users (with a screen name) and their profile data, for the people tests.
import type { PrivacySettings } from '~/domains/user/profile.schema'
import { screenNameKey } from '~/domains/user/registration.schema'
import type { Prisma } from '~/generated/prisma/client'
import { createUser, type Db } from './records'

let counter = 0

/** Privacy settings with every switch public. */
export const ALL_PUBLIC: PrivacySettings = {
  genderPublic: true,
  dateOfBirthPublic: true,
  homeAddressPublic: true,
  emailPublic: true,
  cellPhonePublic: true,
  webpagePublic: true,
  roomPublic: true,
}

/** A screen name no other test (file) uses: names are unique per realm ignoring case. */
export const uniqueScreenName = (prefix = 'user') =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e4)}`

export async function createRegisteredUser(
  db: Db,
  realmId: string,
  o: {
    id?: number
    screenName?: string
    givenName?: string
    familyName?: string
    email?: string | null
    profile?: Prisma.ProfileUpdateInput
  } = {},
) {
  const { profile, screenName = uniqueScreenName(), ...identity } = o
  const user = await createUser(db, realmId, identity)
  return db.user.update({
    where: { id_realmId: { id: user.id, realmId } },
    data: {
      screenName,
      screenNameKey: screenNameKey(screenName),
      ...(profile ? { profile: { update: profile } } : {}),
    },
    include: { profile: true },
  })
}
