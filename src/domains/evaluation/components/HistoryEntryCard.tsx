import { type TFunction, useT } from '~/i18n'
import { Badge, type BadgeTone } from '~/ui'
import type { GroupHistory } from '../history.schema'

/** The card as it finally stands; null while the entry request is not accepted. */
type HistoryCard = GroupHistory['members'][number]['entryCard']
type Card = NonNullable<HistoryCard>

/** KDO is the default card; the colored ones stand out. */
const TONES: Record<Card['type'], BadgeTone> = { KDO: 'neutral', KB: 'brand', AB: 'success' }

/** An accepted entry card's type as a badge ("KB", "ÁB"); null when its request was not accepted. */
export function HistoryEntryBadge({ card }: { card: HistoryCard }) {
  const t = useT()
  if (!card) return <span className="text-gray-600">{t('history.notAccepted')}</span>
  return <Badge tone={TONES[card.type]}>{t(`evaluation.entry.types.${card.type}`)}</Badge>
}

/** "123 pont", or that the point request was not accepted. */
export function historyPoints(t: TFunction, points: number | null): string {
  return points === null ? t('history.notAccepted') : t('history.points', { points })
}
