// Server functions of the colored entry card review: guard (./entry-review.entries.ts) + one call.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { entryReviewEntries as entries } from './entry-review.entries'
import { EntryReviewService } from './entry-review.service'

export const recommendEntryCard = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.recommend)])
  .handler(({ data, context }) => context.services.resolve(EntryReviewService).recommend(data))

export const finalizeEntryCard = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.finalize)])
  .handler(({ data, context }) => context.services.resolve(EntryReviewService).finalize(data))

export const listColoredCards = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.list)])
  .handler(({ data, context }) => context.services.resolve(EntryReviewService).all(data))

export const listResortColoredCards = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.listOfResort)])
  .handler(({ data, context }) => context.services.resolve(EntryReviewService).ofResort(data))
