// Words the post screens share: a post type's display name and what a refusal from the server means.
import type { PostKind } from '~/generated/prisma/enums'
import { type TFunction, useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'

/** A shared post type shows its translated name; a group's own type shows the name it was given. */
export function postName(t: TFunction, post: { kind: PostKind; name: string }): string {
  return post.kind === 'CUSTOM' ? post.name : t(`membership.posts.${post.kind}`)
}

export function usePostName() {
  const t = useT()
  return (post: { kind: PostKind; name: string }) => postName(t, post)
}

const isStatus = (
  value: string | undefined,
): value is 'NEWBIE' | 'ACTIVE' | 'FORMER' | 'ARCHIVED' | 'PENDING' =>
  value === 'NEWBIE' ||
  value === 'ACTIVE' ||
  value === 'FORMER' ||
  value === 'ARCHIVED' ||
  value === 'PENDING'

/**
 * Why the server refused to give or take a post, in the user's words; null when the failure was not a
 * refusal (network, 500) and trying again may help. The typed error travels as status, field codes
 * and the refusing rule's `reason`.
 */
export function postRefusal(t: TFunction, error: unknown): string | null {
  if (!(error instanceof PublicError)) return null
  if (error.fields?.postTypeId?.includes('financialOfficerTaken'))
    return t('postAdmin.grid.refused.financialOfficerTaken')
  if (error.reason === 'leader-by-hand-over') return t('postAdmin.grid.refused.leaderByHandOver')
  const status = error.fields?.status?.[0]
  if (status !== undefined)
    return t('postAdmin.grid.refused.notServing', {
      status: isStatus(status) ? t(`membership.status.${status}`) : '—',
    })
  if (error.status === 403) return t('postAdmin.grid.refused.forbidden')
  if (error.status === 404) return t('postAdmin.grid.refused.notFound')
  if (error.status === 409) return t('postAdmin.grid.refused.stale')
  return null
}
