// What an entry card finally says (docs/decisions/0016-entry-review-history-exports.md): the
// council's type and justification once it marked the card final, the group's until then. Pure and
// client-safe; the history reads and the exports use the same rule.
import type { EntryType } from '~/generated/prisma/enums'

export interface StoredEntryCard {
  type: EntryType
  justification: string
  finalType: EntryType | null
  finalJustification: string | null
  final: boolean
}

export const COLORED: readonly EntryType[] = ['KB', 'AB']

export function effectiveCard(card: StoredEntryCard): { type: EntryType; justification: string } {
  if (card.final && card.finalType)
    return { type: card.finalType, justification: card.finalJustification ?? '' }
  return { type: card.type, justification: card.justification }
}

export const isColored = (type: EntryType) => COLORED.includes(type)
