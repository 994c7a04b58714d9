// What each people entry point requires (src/server/auth/entry-point.ts). Reads need
// `user:view-basic`; changes need `user:edit` on the user the input names, so naming someone
// else's id is a 403 before any service runs.
import { entryPoints, NoInput, requires } from '~/server/auth/entry-point'
import { ANY_TARGET, SOME_GROUP, SOME_POLICY, userTarget } from '~/server/auth/scopes'
import {
  AddExternalAccountInput,
  RemoveExternalAccountInput,
  UpdateExternalAccountInput,
} from './external-account.schema'
import { PhotoOwnerInput, PhotoUploadInput } from './photo.schema'
import { PrivacyUpdateInput, ProfileUpdateInput, ScreenNameInput, UserIdInput } from './profile.schema'
import { RegistrationInput } from './registration.schema'

const owner = (i: { userId: number }) => userTarget(i.userId)

export const userEntries = entryPoints('user', {
  /**
   * Who is logged in; whether to offer the policy admin, the issuer's page (a "can issue"
   * policy held anywhere), the semester screen and the reviewers' list in the nav rides on the
   * same decision.
   */
  current: requires('session:view', NoInput, undefined, {
    reveal: [
      'policy:admin',
      { scope: 'policy:issue', on: SOME_POLICY },
      'group:create-toplevel',
      'semester:admin',
      // A resort leader judges their resort's groups only: held on some group is enough for the nav.
      { scope: 'evaluation:judge', on: SOME_GROUP },
      // The council's members list every group's evaluation (outside QUIET).
      'evaluation:view',
    ],
  }),
  byScreenName: requires('user:view-basic', ScreenNameInput, () => ANY_TARGET),
  profile: requires('user:view-basic', UserIdInput, owner, { reveal: ['user:view-profile', 'user:edit'] }),
  editable: requires('user:edit', UserIdInput, owner),
  register: requires('user:edit', RegistrationInput, owner),
  update: requires('user:edit', ProfileUpdateInput, owner),
  privacy: requires('user:edit', PrivacyUpdateInput, owner),
  accounts: requires('user:view-basic', UserIdInput, owner),
  addAccount: requires('user:edit', AddExternalAccountInput, owner),
  updateAccount: requires('user:edit', UpdateExternalAccountInput, owner),
  removeAccount: requires('user:edit', RemoveExternalAccountInput, owner),
  photo: requires('user:view-basic', PhotoOwnerInput, owner),
  uploadPhoto: requires('user:edit', PhotoUploadInput, owner),
  removePhoto: requires('user:edit', PhotoOwnerInput, owner),
})
