// What the colored entry card review requires (docs/decisions/0016-entry-review-history-exports.md).
// Recommendations: `entry:review` on the group; the resort's list: on the resort's whole subtree (the
// resort leader's post grants it on the resort and its descendants; a grant on the resort alone does
// not list the cards of the groups below it). The final decision and the list of every group's cards:
// `entry:review` on anything — the council's grant (RVT-elnök), not a resort's — because the final
// type is a dormitory-wide call made with every group's cards in view. The service checks the period
// and the entry request's status.
import { entryPoints, requires } from '~/server/auth/entry-point'
import { ANY_TARGET, groupTarget, subtreeTarget } from '~/server/auth/scopes'
import {
  ColoredCardListInput,
  FinalizeInput,
  RecommendInput,
  ResortColoredCardListInput,
} from './entry-review.schema'

export const entryReviewEntries = entryPoints('entryReview', {
  recommend: requires('entry:review', RecommendInput, (i) => groupTarget(i.groupId)),
  finalize: requires('entry:review', FinalizeInput, () => ANY_TARGET),
  list: requires('entry:review', ColoredCardListInput, () => ANY_TARGET),
  listOfResort: requires('entry:review', ResortColoredCardListInput, (i) => subtreeTarget(i.resortId)),
})
