// What the profile routes (/u/$screenName, /u/$screenName/edit, /register) share before loading.
import { notFound, redirect } from '@tanstack/react-router'
import { orNotFound } from '~/shared/route-errors'
import { findUserByScreenName } from './profile.functions'
import { ScreenName } from './registration.schema'

/** The login page, coming back to `returnTo`: a server route, hence a full page load. */
export function requireLogin(user: unknown, returnTo: string): void {
  if (!user)
    throw redirect({ href: `/auth/login?returnTo=${encodeURIComponent(returnTo)}`, reloadDocument: true })
}

/** The user behind the URL's screen name; a malformed one cannot exist, so it is a 404 too (not a 400). */
export async function userIdFromParam(screenName: string): Promise<number> {
  if (!ScreenName.safeParse(screenName).success) throw notFound()
  const { userId } = await orNotFound(findUserByScreenName({ data: { screenName } }))
  return userId
}
