import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Badge, Checkbox, Select, TextArea, TextField } from '~/ui'
import { finalizeEntryCard, recommendEntryCard } from '../entry-review.functions'
import type { ReviewedCard } from '../entry-review.schema'
import { REQUEST_TONE } from './EvaluationStatusCard'
import { ReviewSubmit } from './ReviewSubmit'
import { useReviewAction } from './review-action'

type EntryType = ReviewedCard['type']
const TYPES: readonly EntryType[] = ['KDO', 'KB', 'AB']

/**
 * One colored entry card under review (ADR 0016): what the group proposed, the resort leaders'
 * recommendations, the council's decision; the viewer's own recommendation, and the final decision
 * for those who may make it (the list of every group's cards is theirs: `entry:review` on anything).
 */
export function EntryReviewCard({
  card,
  userId,
  canFinalize,
}: {
  card: ReviewedCard
  userId: number
  canFinalize: boolean
}) {
  const t = useT()
  const { formatDate } = useFormat()
  const titleId = useId()
  const typeName = (type: EntryType) => t(`evaluation.entry.types.${type}`)
  return (
    <li>
      <article
        aria-labelledby={titleId}
        className="flex flex-col gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm"
      >
        <header className="flex flex-wrap items-center gap-2">
          <h3 id={titleId} className="text-base font-semibold text-gray-900">
            {t('review.cards.card', { member: card.displayName, group: card.groupName })}
          </h3>
          <Badge tone={REQUEST_TONE[card.entryStatus]}>
            {t('review.cards.entryStatus', { status: t(`evaluation.requestStatuses.${card.entryStatus}`) })}
          </Badge>
        </header>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-gray-600">{t('review.cards.proposed')}</dt>
            <dd className="text-gray-900">
              <span className="font-semibold">{typeName(card.type)}</span>
              {' – '}
              {card.justification || t('review.cards.noJustification')}
            </dd>
          </div>
          <div>
            <dt className="text-gray-600">{t('review.cards.recommendations')}</dt>
            <dd className="text-gray-900">
              {card.recommendations.length === 0 ? (
                t('review.cards.noRecommendations')
              ) : (
                <ul className="flex flex-col gap-1">
                  {card.recommendations.map((r) => (
                    <li key={r.userId}>
                      <span className="font-medium">{r.name ?? t('review.messages.unknownAuthor')}</span>:{' '}
                      <span className="font-semibold">{typeName(r.type)}</span>
                      {r.note && ` – ${r.note}`}{' '}
                      <span className="text-gray-600">({formatDate(r.at, { dateStyle: 'short' })})</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-gray-600">{t('review.cards.decision')}</dt>
            <dd className="text-gray-900" data-testid="card-decision">
              {card.final && card.finalType ? (
                <>
                  <span className="font-semibold">{typeName(card.finalType)}</span>
                  {card.finalJustification && ` – ${card.finalJustification}`}
                </>
              ) : (
                t('review.cards.notFinal')
              )}
            </dd>
          </div>
        </dl>
        <div className="grid gap-4 md:grid-cols-2">
          <RecommendForm card={card} userId={userId} />
          {canFinalize && <FinalizeForm card={card} />}
        </div>
      </article>
    </li>
  )
}

function useTypeOptions() {
  const t = useT()
  return TYPES.map((type) => ({ value: type, label: t(`evaluation.entry.types.${type}`) }))
}
const pickType = (value: string) => TYPES.find((type) => type === value)
const cardRef = (card: ReviewedCard) => ({
  groupId: card.groupId,
  evaluationId: card.evaluationId,
  membershipId: card.membershipId,
})

/** One of a card's two forms, named by its title and the member. */
function CardForm({
  title,
  member,
  onSubmit,
  children,
}: {
  title: string
  member: string
  onSubmit: (event: FormEvent) => void
  children: ReactNode
}) {
  return (
    <form
      aria-label={`${title}: ${member}`}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3 rounded-md bg-gray-50 p-3"
    >
      <h4 className="text-sm font-semibold text-gray-900">{title}</h4>
      {children}
    </form>
  )
}

function RecommendForm({ card, userId }: { card: ReviewedCard; userId: number }) {
  const t = useT()
  const options = useTypeOptions()
  const mine = card.recommendations.find((r) => r.userId === userId)
  const [type, setType] = useState<EntryType>(mine?.type ?? card.type)
  const [note, setNote] = useState(mine?.note ?? '')
  const { run, pending, refusal, codeOf } = useReviewAction()
  const subject = { member: card.displayName }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const data = {
      ...cardRef(card),
      type,
      note,
    }
    await run(() => recommendEntryCard({ data }), t('review.cards.recommended', subject))
  }

  return (
    <CardForm title={t('review.cards.recommendTitle')} member={card.displayName} onSubmit={submit}>
      <Select
        label={t('review.cards.recommendType')}
        value={type}
        onChange={(e) => setType(pickType(e.target.value) ?? type)}
        options={options}
      />
      <TextField
        label={t('review.cards.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={4000}
        error={codeOf('note') ? t('review.cards.errors.tooLong') : undefined}
      />
      <ReviewSubmit refusal={refusal} pending={pending} label={t('review.cards.recommend')} size="sm" />
    </CardForm>
  )
}

function FinalizeForm({ card }: { card: ReviewedCard }) {
  const t = useT()
  const options = useTypeOptions()
  const [finalType, setFinalType] = useState<EntryType>(card.finalType ?? card.type)
  const [finalJustification, setFinalJustification] = useState(card.finalJustification ?? card.justification)
  const [final, setFinal] = useState(card.final || !card.finalType)
  const { run, pending, refusal, codeOf, setFields } = useReviewAction()
  const code = codeOf('finalJustification')

  async function submit(event: FormEvent) {
    event.preventDefault()
    // The server's rule, checked first: a final KB or ÁB needs a justification.
    if (final && finalType !== 'KDO' && !finalJustification.trim()) {
      setFields({ finalJustification: ['required'] })
      return
    }
    const data = {
      ...cardRef(card),
      finalType,
      finalJustification,
      final,
    }
    await run(() => finalizeEntryCard({ data }), t('review.cards.finalized', { member: card.displayName }))
  }

  return (
    <CardForm title={t('review.cards.finalizeTitle')} member={card.displayName} onSubmit={submit}>
      <Select
        label={t('review.cards.finalType')}
        value={finalType}
        onChange={(e) => setFinalType(pickType(e.target.value) ?? finalType)}
        options={options}
      />
      <TextArea
        label={t('review.cards.finalJustification')}
        rows={2}
        value={finalJustification}
        onChange={(e) => setFinalJustification(e.target.value)}
        maxLength={4000}
        error={
          code
            ? t(code === 'tooLong' ? 'review.cards.errors.tooLong' : 'review.cards.errors.required')
            : undefined
        }
      />
      <Checkbox
        label={t('review.cards.final')}
        checked={final}
        onChange={(e) => setFinal(e.target.checked)}
      />
      <ReviewSubmit refusal={refusal} pending={pending} label={t('review.cards.finalize')} size="sm" />
    </CardForm>
  )
}
