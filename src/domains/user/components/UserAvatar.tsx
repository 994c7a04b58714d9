import { Avatar, type AvatarSize } from '~/ui'
import { userPhotoUrl } from '../photo-url'

export type UserAvatarProps = {
  userId: number
  /** The alt text: the user's name, or '' when the name is written right next to it. */
  name: string
  size?: AvatarSize
  /** PhotoInfo.version, when known: a changed photo is then never taken from the browser's cache. */
  version?: string
  className?: string
}

/** A user's photo, or their default avatar (served by GET /api/users/$userId/photo). */
export function UserAvatar({ userId, name, size, version, className }: UserAvatarProps) {
  return <Avatar src={userPhotoUrl(userId, version)} alt={name} size={size} className={className} />
}
