import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import { Card, TextArea } from '~/ui'
import { postEvaluationMessage } from '../evaluation.functions'
import { BODY_MAX_LENGTH, type MessageView } from '../evaluation.schema'
import { ReviewSubmit } from './ReviewSubmit'
import { useReviewAction } from './review-action'
import { ThreadMessage } from './ThreadMessage'

/**
 * The evaluation's thread between the group and the reviewers, oldest first, with a form to write;
 * the status changes are system messages (ADR 0015: the English record of "point request: A → B, …").
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
              <ThreadMessage key={m.id} message={m} />
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
            maxLength={BODY_MAX_LENGTH}
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
