// tRPC over the people services: the same entry points as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { ExternalAccountService } from './external-account.service'
import { ProfileService } from './profile.service'
import { RegistrationService } from './registration.service'
import { userEntries as entries } from './user.entries'

export const userRouter = router({
  byScreenName: guardedProcedure(entries.byScreenName).query(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).userIdOf(input.screenName),
  ),
  profile: guardedProcedure(entries.profile).query(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).profileOf(input.userId, {
      full: ctx.granted.has('user:view-profile'),
      editable: ctx.granted.has('user:edit'),
    }),
  ),
  editable: guardedProcedure(entries.editable).query(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).editable(input.userId),
  ),
  register: guardedProcedure(entries.register).mutation(({ input, ctx }) =>
    ctx.services.resolve(RegistrationService).register(input.userId, input),
  ),
  update: guardedProcedure(entries.update).mutation(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).update(input.userId, input.version, input),
  ),
  privacy: guardedProcedure(entries.privacy).mutation(({ input, ctx }) =>
    ctx.services.resolve(ProfileService).setPrivacy(input.userId, input.version, input),
  ),
  accounts: guardedProcedure(entries.accounts).query(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).list(input.userId),
  ),
  addAccount: guardedProcedure(entries.addAccount).mutation(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).add(input.userId, input),
  ),
  updateAccount: guardedProcedure(entries.updateAccount).mutation(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).update(input.userId, input.accountId, input),
  ),
  removeAccount: guardedProcedure(entries.removeAccount).mutation(({ input, ctx }) =>
    ctx.services.resolve(ExternalAccountService).remove(input.userId, input.accountId),
  ),
})
