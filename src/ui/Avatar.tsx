import { cx } from './cx'

// Pixel sizes, so width/height attributes reserve the space before the image loads (no layout shift).
const SIZES = { xs: 24, sm: 32, md: 48, lg: 96, xl: 160 } as const
export type AvatarSize = keyof typeof SIZES

export type AvatarProps = {
  src: string
  /** The person's name, or '' when the name is written right next to the picture. */
  alt: string
  size?: AvatarSize
  className?: string
}

/** A round profile picture. */
export function Avatar({ src, alt, size = 'md', className }: AvatarProps) {
  const pixels = SIZES[size]
  return (
    <img
      src={src}
      alt={alt}
      width={pixels}
      height={pixels}
      loading="lazy"
      decoding="async"
      className={cx('shrink-0 rounded-full bg-gray-200 object-cover ring-1 ring-gray-900/10', className)}
      style={{ width: pixels, height: pixels }}
    />
  )
}
