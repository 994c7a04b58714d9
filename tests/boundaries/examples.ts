// A valid input for every entry point of src/domains/entry-points.ts, on the world's objects
// (./world.ts), with what the world needs first (./stage.ts) so that a caller holding the entry's
// right gets a real answer: 200. Its target is read from the input by the entry itself; "the same
// right on a different target" is ./grants.ts `otherTarget` of it. tests/boundaries/examples.test.ts
// fails for an entry without an example here, so a new endpoint joins the matrices by getting one.
import { photoUploadForm } from '~/domains/user/photo.schema'
import type { EntryPoint } from '~/server/auth/entry-point'
import { DEFAULT_CAPS_INPUT } from '../support/semesters'
import {
  accountEnabled,
  all,
  callerApplied,
  callerOutsideCircle,
  circleAtVersionZero,
  deletablePolicyExists,
  deletablePostTypeExists,
  evaluationIn,
  groupArchived,
  memberANotLeader,
  moverHistory,
  type Prepare,
  recruitOutsideCircle,
  removableStatementExists,
  siblingWithoutPrinciples,
  sparePrincipleExists,
  switchScheduled,
  targetAccountsAsBuilt,
  targetHoldsChild,
  targetProfileAtVersionZero,
  unregistered,
} from './stage'
import { TARGET_PRIVACY, type World } from './world'

export interface Example {
  input: (w: World) => unknown
  /** Run right before the call; it may depend on who calls (their own membership). */
  prepare?: Prepare
}

let made = 0
/** A name nobody used: for what an example creates. */
const fresh = (w: World, label: string) => `${label}-${w.idBase.toString(36)}-${++made}`

/** A 1×1 PNG: a real image, for the upload's schema. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

const newGroup = (w: World) => ({
  name: fresh(w, 'Új kör'),
  shortDescription: 'Egy kör, amelyet a mátrix hoz létre.',
  purpose: 'CIRCLE',
  foundedYear: null,
  webpage: null,
  mailingList: null,
  acceptsApplications: true,
  showArchivedMembers: false,
})
const circle = (w: World) => ({ groupId: w.groups.circle })
const mover = (w: World) => ({ groupId: w.groups.circle, membershipId: w.memberships.mover })
const postOfA = (w: World) => ({
  groupId: w.groups.circle,
  membershipId: w.memberships.memberA,
  postTypeId: w.postTypes.custom,
})
const target = (w: World) => ({ userId: w.users.target })
const evaluation = (w: World) => ({ groupId: w.groups.circle, evaluationId: w.evaluations.current })
const cellOfA = (w: World) => ({
  ...evaluation(w),
  principleId: w.principles.work,
  membershipId: w.memberships.memberA,
})
const cardOfA = (w: World) => ({ ...evaluation(w), membershipId: w.memberships.memberA })
const child = (w: World) => ({ policyId: w.policies.child })
const onCircle = (w: World) => ({ type: 'group', groupId: w.groups.circle })

const drafting = evaluationIn('SUBMISSION')
const reviewingPoints = evaluationIn('REVIEW', { pointStatus: 'PENDING' })
const reviewingEntries = evaluationIn('REVIEW', { entryStatus: 'PENDING' })
const quiet = evaluationIn('QUIET')

export const EXAMPLES: Readonly<Record<string, Example>> = {
  // ---- groups ----
  'group.list': { input: () => ({}) },
  'group.tree': { input: () => undefined },
  'group.get': { input: circle },
  'group.createTopLevel': { input: (w) => ({ ...newGroup(w), parentId: null }) },
  'group.createSubgroup': { input: (w) => ({ ...newGroup(w), parentId: w.groups.circle }) },
  'group.update': {
    input: (w) => ({
      groupId: w.groups.circle,
      version: 0,
      ...w.circleData,
      purpose: 'CIRCLE',
      foundedYear: null,
      mailingList: null,
      acceptsApplications: true,
      showArchivedMembers: false,
    }),
    prepare: circleAtVersionZero,
  },
  'group.move': { input: (w) => ({ groupId: w.groups.movable, parentId: w.groups.otherResort }) },
  'group.archive': { input: (w) => ({ groupId: w.groups.archivable }), prepare: groupArchived(false) },
  'group.unarchive': { input: (w) => ({ groupId: w.groups.archivable }), prepare: groupArchived(true) },

  // ---- memberships and posts ----
  'membership.activeMembers': { input: circle },
  'membership.roster': { input: (w) => ({ ...circle(w), tab: 'active' }) },
  'membership.ofUser': { input: target },
  'membership.mine': { input: circle },
  'membership.applyToGroup': { input: circle, prepare: callerOutsideCircle },
  'membership.withdraw': { input: circle, prepare: callerApplied },
  'membership.addMember': {
    input: (w) => ({ ...circle(w), userId: w.users.recruit }),
    prepare: recruitOutsideCircle,
  },
  'membership.accept': { input: mover, prepare: moverHistory(['PENDING']) },
  'membership.reject': { input: mover, prepare: moverHistory(['PENDING']) },
  'membership.promote': { input: mover, prepare: moverHistory(['NEWBIE']) },
  'membership.makeFormer': { input: mover, prepare: moverHistory(['ACTIVE']) },
  'membership.reactivate': { input: mover, prepare: moverHistory(['FORMER']) },
  'membership.archive': { input: mover, prepare: moverHistory(['FORMER']) },
  'membership.unarchive': { input: mover, prepare: moverHistory(['ARCHIVED']) },
  'membership.history': { input: mover },
  'membership.postTypes': { input: circle },
  'membership.createPostType': { input: (w) => ({ ...circle(w), name: fresh(w, 'poszt') }) },
  'membership.renamePostType': {
    input: (w) => ({ ...circle(w), postTypeId: w.postTypes.custom, name: w.marker('Post') }),
  },
  'membership.deletePostType': {
    input: (w) => ({ ...circle(w), postTypeId: w.postTypes.deletable }),
    prepare: deletablePostTypeExists,
  },
  'membership.postGrid': { input: circle },
  'membership.setPost': { input: (w) => ({ ...postOfA(w), held: true }) },
  'membership.givePost': { input: postOfA },
  'membership.takePost': { input: postOfA },
  'membership.handOver': {
    input: (w) => ({ ...circle(w), membershipId: w.memberships.memberA }),
    prepare: memberANotLeader,
  },

  // ---- notifications ----
  'notification.list': { input: target },
  'notification.unreadCount': { input: target },
  'notification.markRead': { input: (w) => ({ ...target(w), notificationId: w.notifications.unread }) },
  'notification.markAllRead': { input: target },

  // ---- policies ----
  'policy.list': { input: () => undefined },
  'policy.issuable': { input: () => undefined },
  'policy.get': { input: child },
  'policy.create': { input: (w) => ({ name: fresh(w, 'Új szabályzat'), parentId: w.policies.issuer }) },
  'policy.rename': { input: (w) => ({ ...child(w), name: w.marker('ChildPolicy') }) },
  'policy.move': { input: (w) => ({ ...child(w), parentId: w.policies.issuer }) },
  'policy.previewDelete': { input: child },
  'policy.delete': { input: (w) => ({ policyId: w.policies.deletable }), prepare: deletablePolicyExists },
  'policy.addStatement': { input: (w) => ({ ...child(w), scope: 'group:view', target: { kind: 'ANY' } }) },
  'policy.removeStatement': {
    input: (w) => ({ ...child(w), statementId: w.statements.removable }),
    prepare: removableStatementExists,
  },
  'policy.assign': {
    input: (w) => ({ ...child(w), userId: w.users.target }),
    prepare: targetHoldsChild(false),
  },
  'policy.revoke': {
    input: (w) => ({ ...child(w), userId: w.users.target }),
    prepare: targetHoldsChild(true),
  },
  'policy.audit': { input: () => ({ page: 1 }) },
  'policy.explain': { input: (w) => ({ ...target(w), scope: 'group:view', target: onCircle(w) }) },
  'policy.whoCan': { input: (w) => ({ scope: 'group:view', target: onCircle(w) }) },
  'policy.whatCan': { input: target },

  // ---- search ----
  'search.everything': { input: (w) => ({ q: w.marker('TargetFamily') }) },
  'search.groups': { input: (w) => ({ q: w.marker('CircleName') }) },
  'search.people': { input: (w) => ({ q: w.marker('TargetFamily') }) },

  // ---- semesters ----
  'semester.current': { input: () => undefined },
  'semester.log': { input: () => undefined },
  'semester.setCurrent': {
    input: (w) => ({ semester: w.semester.current, period: 'SUBMISSION' }),
    prepare: drafting,
  },
  'semester.scheduleSwitch': {
    input: (w) => ({
      semester: w.semester.current,
      period: 'REVIEW',
      at: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  },
  'semester.cancelSwitch': { input: (w) => ({ switchId: w.switches.scheduled }), prepare: switchScheduled },
  'semester.updateCaps': { input: () => DEFAULT_CAPS_INPUT },

  // ---- evaluations ----
  'evaluation.get': { input: circle },
  'evaluation.list': { input: () => ({}) },
  'evaluation.listOfResort': { input: (w) => ({ resortId: w.groups.resort }) },
  'evaluation.messages': { input: evaluation },
  'evaluation.postMessage': { input: (w) => ({ ...evaluation(w), body: 'Üzenet a bírálóknak.' }) },
  'evaluation.cellComments': { input: cellOfA },
  'evaluation.postCellComment': { input: (w) => ({ ...cellOfA(w), body: 'Megjegyzés a cellához.' }) },
  'evaluation.createPrinciple': {
    input: (w) => ({ ...evaluation(w), name: fresh(w, 'Elv'), category: 'WORK', maxPoints: 5 }),
    prepare: drafting,
  },
  'evaluation.updatePrinciple': {
    input: (w) => ({
      ...evaluation(w),
      principleId: w.principles.work,
      name: w.marker('Work'),
      description: w.marker('WorkAbout'),
      category: 'WORK',
      maxPoints: 10,
    }),
    prepare: drafting,
  },
  'evaluation.deletePrinciple': {
    input: (w) => ({ ...evaluation(w), principleId: w.principles.spare }),
    prepare: all(drafting, sparePrincipleExists),
  },
  'evaluation.copyPrinciples': {
    input: (w) => ({ groupId: w.groups.sibling, evaluationId: w.evaluations.siblingCurrent }),
    prepare: all(drafting, siblingWithoutPrinciples),
  },
  'evaluation.setCell': {
    input: (w) => ({ ...cellOfA(w), value: w.cellValue, expected: w.cellValue }),
    prepare: drafting,
  },
  'evaluation.reviewSetCell': {
    input: (w) => ({ ...cellOfA(w), value: w.cellValue, expected: w.cellValue }),
    prepare: reviewingPoints,
  },
  'evaluation.setEntryCard': {
    input: (w) => ({ ...cardOfA(w), type: 'KB', justification: w.marker('Card') }),
    prepare: drafting,
  },
  'evaluation.reviewSetEntryCard': {
    input: (w) => ({ ...cardOfA(w), type: 'KB', justification: w.marker('Card') }),
    prepare: reviewingEntries,
  },
  'evaluation.setReport': {
    input: (w) => ({ ...evaluation(w), report: w.marker('Report') }),
    prepare: drafting,
  },
  'evaluation.submit': { input: (w) => ({ ...evaluation(w), request: 'points' }), prepare: drafting },
  'evaluation.cancel': {
    input: (w) => ({ ...evaluation(w), request: 'points' }),
    prepare: evaluationIn('SUBMISSION', { pointStatus: 'PENDING' }),
  },
  'evaluation.judge': {
    input: (w) => ({ ...evaluation(w), pointStatus: 'REJECTED', explanation: 'Hiányos indoklás.' }),
    prepare: reviewingPoints,
  },
  'evaluation.accept': {
    input: (w) => ({ ...evaluation(w), pointStatus: 'ACCEPTED', explanation: 'Rendben.' }),
    prepare: reviewingPoints,
  },

  // ---- colored entry card review ----
  'entryReview.recommend': {
    input: (w) => ({ ...cardOfA(w), type: 'KB', note: 'Javaslom.' }),
    prepare: reviewingEntries,
  },
  'entryReview.finalize': {
    input: (w) => ({ ...cardOfA(w), finalType: 'KB', finalJustification: 'Végleges.', final: true }),
    prepare: reviewingEntries,
  },
  'entryReview.list': { input: () => ({}) },
  'entryReview.listOfResort': { input: (w) => ({ resortId: w.groups.resort }) },

  // ---- history and exports ----
  'history.ofUser': { input: target },
  'history.ofGroup': { input: circle },
  'exports.communityPoints': { input: (w) => ({ semester: w.semester.previous }), prepare: quiet },
  'exports.coloredCards': { input: (w) => ({ semester: w.semester.previous }), prepare: quiet },
  'exports.activeUsers': { input: () => ({}), prepare: quiet },

  // ---- account access ----
  'accountAccess.disable': { input: (w) => ({ userId: w.users.account }), prepare: accountEnabled },
  'accountAccess.enable': { input: (w) => ({ userId: w.users.account }) },
  'accountAccess.endSessions': { input: (w) => ({ userId: w.users.account }) },

  // ---- people ----
  'user.current': { input: () => undefined },
  'user.byScreenName': { input: (w) => ({ screenName: w.screenNames.target }) },
  'user.profile': { input: target },
  'user.editable': { input: target },
  'user.register': {
    input: (w) => ({
      userId: w.users.unregistered,
      screenName: fresh(w, 'screen'),
      dormitory: 'EXTERNAL',
      room: null,
    }),
    prepare: unregistered,
  },
  'user.update': {
    input: (w) => ({ ...target(w), version: 0, ...w.targetProfile }),
    prepare: targetProfileAtVersionZero,
  },
  'user.privacy': {
    input: (w) => ({ ...target(w), version: 0, ...TARGET_PRIVACY }),
    prepare: targetProfileAtVersionZero,
  },
  'user.accounts': { input: target },
  'user.addAccount': {
    input: (w) => ({ ...target(w), protocol: 'TELEGRAM', accountName: fresh(w, 'fiok') }),
    prepare: targetAccountsAsBuilt,
  },
  'user.updateAccount': {
    input: (w) => ({
      ...target(w),
      accountId: w.externalAccounts.main,
      protocol: 'GITHUB',
      accountName: w.marker('Account'),
    }),
  },
  'user.removeAccount': {
    input: (w) => ({ ...target(w), accountId: w.externalAccounts.removable }),
    prepare: targetAccountsAsBuilt,
  },
  'user.photo': { input: target },
  'user.uploadPhoto': {
    input: (w) => photoUploadForm(w.users.target, new Blob([PNG], { type: 'image/png' }), 'photo.png'),
  },
  'user.removePhoto': { input: target },
}

/** The entry's example: one without is an error (tests/boundaries/examples.test.ts lists them all). */
export function exampleOf(entry: EntryPoint): Example {
  const example = EXAMPLES[entry.name]
  if (!example) throw new Error(`${entry.name} has no example in tests/boundaries/examples.ts`)
  return example
}
