// tRPC over the people services: the same schemas and guard decisions as the server functions.
import { ANY_TARGET, userTarget } from '~/server/auth/scopes'
import { guardedProcedure, router } from '~/server/trpc/init'
import {
  AddExternalAccountInput,
  RemoveExternalAccountInput,
  UpdateExternalAccountInput,
} from './external-account.schema'
import { ExternalAccountService } from './external-account.service'
import { PrivacyUpdateInput, ProfileUpdateInput, ScreenNameInput, UserIdInput } from './profile.schema'
import { ProfileService } from './profile.service'
import { RegistrationInput } from './registration.schema'
import { RegistrationService } from './registration.service'

const owner = (i: { userId: number }) => userTarget(i.userId)

export const userRouter = router({
  byScreenName: guardedProcedure('user:view-basic', ScreenNameInput, () => ANY_TARGET).query(
    ({ input, ctx }) => ctx.services.resolve(ProfileService).userIdOf(input.screenName),
  ),
  profile: guardedProcedure('user:view-basic', UserIdInput, owner, {
    reveal: ['user:view-profile', 'user:edit'],
  }).query(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).profileOf(input.userId, {
      full: ctx.granted.has('user:view-profile'),
      editable: ctx.granted.has('user:edit'),
    }),
  ),
  editable: guardedProcedure('user:edit', UserIdInput, owner).query(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).editable(input.userId),
  ),
  register: guardedProcedure('user:edit', RegistrationInput, owner).mutation(({ input, ctx }) =>
    ctx.services.resolve(RegistrationService).register(input.userId, input),
  ),
  update: guardedProcedure('user:edit', ProfileUpdateInput, owner).mutation(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).update(input.userId, input.version, input),
  ),
  privacy: guardedProcedure('user:edit', PrivacyUpdateInput, owner).mutation(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).setPrivacy(input.userId, input.version, input),
  ),
  accounts: guardedProcedure('user:view-basic', UserIdInput, owner).query(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).list(input.userId),
  ),
  addAccount: guardedProcedure('user:edit', AddExternalAccountInput, owner).mutation(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).add(input.userId, input),
  ),
  updateAccount: guardedProcedure('user:edit', UpdateExternalAccountInput, owner).mutation(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).update(input.userId, input.accountId, input),
  ),
  removeAccount: guardedProcedure('user:edit', RemoveExternalAccountInput, owner).mutation(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).remove(input.userId, input.accountId),
  ),
})
