import { useFormat, useT } from '~/i18n'
import { Badge, cx } from '~/ui'
import type { MessageView } from '../evaluation.schema'

/**
 * One message of a thread (the reviewers' messages, a cell's comments): author, time, text. System
 * messages (status changes, ADR 0015) are set apart by a label and a tint, not by colour alone.
 */
export function ThreadMessage({ message }: { message: MessageView }) {
  const t = useT()
  const { formatDate } = useFormat()
  return (
    <li
      className={cx(
        'rounded-md border px-3 py-2 text-sm',
        message.system ? 'border-gray-300 bg-gray-50' : 'border-gray-200 bg-white',
      )}
    >
      <p className="flex flex-wrap items-center gap-2 text-gray-600">
        {message.system && <Badge tone="brand">{t('review.messages.system')}</Badge>}
        <span className="font-medium text-gray-900">
          {message.author?.name ?? t('review.messages.unknownAuthor')}
        </span>
        <time dateTime={new Date(message.createdAt).toISOString()}>
          {formatDate(message.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
        </time>
      </p>
      <p
        className={cx(
          'mt-1 whitespace-pre-wrap break-words text-gray-900',
          message.system && 'font-mono text-xs',
        )}
      >
        {message.body}
      </p>
    </li>
  )
}
