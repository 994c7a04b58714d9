import type { ComponentProps } from 'react'

export type HeadingLevel = 1 | 2 | 3 | 4

/** A heading whose level is chosen by the page outline, independent of its look. */
export function Heading({ level, ...props }: ComponentProps<'h2'> & { level: HeadingLevel }) {
  const Tag = `h${level}` as const
  return <Tag {...props} />
}
