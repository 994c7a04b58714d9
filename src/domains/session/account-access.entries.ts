// Account administration: `user:admin` on the user the input names (src/server/auth/entry-point.ts).
import { UserIdInput } from '~/domains/user/profile.schema'
import { entryPoints, requires } from '~/server/auth/entry-point'
import { userTarget } from '~/server/auth/scopes'

const adminOfUser = requires('user:admin', UserIdInput, (i) => userTarget(i.userId))

export const accountAccessEntries = entryPoints('accountAccess', {
  disable: adminOfUser,
  enable: adminOfUser,
  endSessions: adminOfUser,
})
