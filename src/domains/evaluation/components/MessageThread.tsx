import { type FormEvent, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Badge, Card, cx, TextArea } from '~/ui'
import { postEvaluationMessage } from '../evaluation.functions'
import type { MessageView } from '../evaluation.schema'
import { ReviewSubmit } from './ReviewSubmit'
import { useReviewAction } from './review-action'

/**
 * The evaluation's thread between the group and the reviewers, oldest first, with a form to write.
 * System messages (status changes, ADR 0015: the English record of "point request: A → B, …") are
 * set apart by a label and a tint, not by colour alone.
 */
export function MessageThread({
  groupId,
  evaluationId,
  messages,
}: {
  groupId: number
  evaluationId: number
  messages: MessageView[]
}) {
  const t = useT()
  const { formatDate } = useFormat()
  const { run, pending, refusal, codeOf, setFields } = useReviewAction()
  const [body, setBody] = useState('')
  const bodyCode = codeOf('body')

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!body.trim()) {
      setFields({ body: ['required'] })
      return
    }
    const data = { groupId, evaluationId, body }
    if (await run(() => postEvaluationMessage({ data }), t('review.messages.sent'))) setBody('')
  }

  return (
    <Card title={t('review.messages.title')}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-gray-700">{t('review.messages.description')}</p>
        {messages.length === 0 ? (
          <p className="text-sm text-gray-700">{t('review.messages.empty')}</p>
        ) : (
          <ol className="flex flex-col gap-3" data-testid="evaluation-messages">
            {messages.map((m) => (
              <li
                key={m.id}
                className={cx(
                  'rounded-md border px-3 py-2 text-sm',
                  m.system ? 'border-gray-300 bg-gray-50' : 'border-gray-200 bg-white',
                )}
              >
                <p className="flex flex-wrap items-center gap-2 text-gray-600">
                  {m.system && <Badge tone="brand">{t('review.messages.system')}</Badge>}
                  <span className="font-medium text-gray-900">
                    {m.author?.name ?? t('review.messages.unknownAuthor')}
                  </span>
                  <time dateTime={new Date(m.createdAt).toISOString()}>
                    {formatDate(m.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                  </time>
                </p>
                <p className={cx('mt-1 whitespace-pre-wrap text-gray-900', m.system && 'font-mono text-xs')}>
                  {m.body}
                </p>
              </li>
            ))}
          </ol>
        )}
        <form
          aria-label={t('review.messages.body')}
          onSubmit={submit}
          noValidate
          className="flex flex-col gap-3"
        >
          <TextArea
            label={t('review.messages.body')}
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={4000}
            error={
              bodyCode
                ? t(
                    bodyCode === 'tooLong'
                      ? 'review.messages.errors.tooLong'
                      : 'review.messages.errors.required',
                  )
                : undefined
            }
          />
          <ReviewSubmit refusal={refusal} pending={pending} label={t('review.messages.send')} />
        </form>
      </div>
    </Card>
  )
}
