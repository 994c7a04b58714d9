import { inject, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import { NotificationService } from '~/domains/notification/notification.service'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import type { NotificationKind, RequestStatus } from '~/generated/prisma/enums'
import type { Actor } from '~/server/auth/actor'
import type { PolicyResolver } from '~/server/auth/policy-resolver'
import { groupTarget } from '~/server/auth/scopes'
import type { RealmClient } from '~/server/db/client'
import { ACTOR, CLOCK, type Clock, POLICY_RESOLVER, PRISMA, REALM_ID } from '~/server/di/tokens'
import { parseInput } from '~/server/validate'
import { cancelRefusal, type JudgeMode, judgeRefusal, type RequestState, submitRefusal } from './edit-rules'
import { EvaluationRuleError, MissingJustificationError } from './evaluation.errors'
import { JudgeInput, RequestInput, type RequestKind, StatusView } from './evaluation.schema'
import { type EvaluationRow, eligibleMembers, groupAndLeaders, lockEvaluation } from './evaluation-rows'

interface Statuses {
  pointStatus: RequestStatus
  entryStatus: RequestStatus
}

/** When a change happened, on the evaluation row. */
type Stamp = Partial<Record<'pointSubmittedAt' | 'entrySubmittedAt' | 'judgedAt', Date>>

const FIELD: Record<RequestKind, keyof Statuses> = { points: 'pointStatus', entries: 'entryStatus' }

/** The system message of a status change, as PRODUCT.md words it. */
export function statusChangeMessage(from: Statuses, to: Statuses, reason: string): string {
  return `point request: ${from.pointStatus} → ${to.pointStatus}, entry request: ${from.entryStatus} → ${to.entryStatus}, reason: ${reason}`
}

/**
 * The point and entry requests' statuses: submit and cancel by the group, judgement by reviewers
 * (PRODUCT.md, "Semesters and evaluation"; docs/decisions/0015-evaluations.md). Each change holds
 * the semester settings (share) and locks the evaluation row, checks edit-rules.ts, writes a system
 * message to the evaluation's thread, and notifies: a submission the resort leaders, a judgement
 * the group's leader.
 */
@injectable()
export class EvaluationStatusService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(ACTOR) private readonly actor: Actor,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
    @inject(NotificationService) private readonly notifications: NotificationService,
    @inject(POLICY_RESOLVER) private readonly policies: PolicyResolver,
  ) {}

  /**
   * Submits the point or entry request: current semester, SUBMISSION, not PENDING or ACCEPTED. An
   * entry request with a KB or ÁB card of an eligible member without justification is refused,
   * naming the members. The resort leaders of the group are notified.
   */
  async submit(input: RequestInput): Promise<StatusView> {
    const { groupId, evaluationId, request } = parseInput(RequestInput, input)
    // The policy model is read before the transaction opens: it is read on a connection of its own.
    const reviewers = await this.resortLeaders(groupId)
    return this.change({ groupId, evaluationId }, async (tx, ev, state) => {
      const refusal = submitRefusal(state(ev[FIELD[request]]))
      if (refusal) throw new EvaluationRuleError(refusal)
      if (request === 'entries') await this.assertJustified(tx, ev)
      const now = this.clock.now()
      const to = { ...ev, [FIELD[request]]: 'PENDING' as const }
      const stamp: Stamp = request === 'points' ? { pointSubmittedAt: now } : { entrySubmittedAt: now }
      return {
        to,
        stamp,
        reason: `${request} submitted`,
        notify: { kind: 'EVALUATION_SUBMITTED' as const, to: reviewers },
      }
    })
  }

  /** Takes a submitted request back: only in SUBMISSION and only while PENDING. */
  async cancel(input: RequestInput): Promise<StatusView> {
    const { groupId, evaluationId, request } = parseInput(RequestInput, input)
    return this.change({ groupId, evaluationId }, async (_tx, ev, state) => {
      const refusal = cancelRefusal(state(ev[FIELD[request]]))
      if (refusal) throw new EvaluationRuleError(refusal)
      return { to: { ...ev, [FIELD[request]]: 'NOT_SUBMITTED' as const }, reason: `${request} cancelled` }
    })
  }

  /**
   * Sets statuses with an explanation, in REVIEW: `judge` anything but ACCEPTED and never an
   * ACCEPTED request; `accept` (the RVT leader) anything. The group's leader is notified.
   */
  async judge(input: JudgeInput, mode: JudgeMode): Promise<StatusView> {
    const { groupId, evaluationId, explanation, ...asked } = parseInput(JudgeInput, input)
    return this.change({ groupId, evaluationId }, async (_tx, ev, state) => {
      const to: Statuses = {
        pointStatus: asked.pointStatus ?? ev.pointStatus,
        entryStatus: asked.entryStatus ?? ev.entryStatus,
      }
      let changed = false
      for (const field of ['pointStatus', 'entryStatus'] as const) {
        if (to[field] === ev[field]) continue
        changed = true
        const refusal = judgeRefusal(mode, state(ev[field]), to[field])
        if (refusal) throw new EvaluationRuleError(refusal)
      }
      if (!changed) throw new EvaluationRuleError('unchanged')
      return {
        to,
        stamp: { judgedAt: this.clock.now() },
        reason: explanation,
        notify: { kind: 'EVALUATION_JUDGED' as const, to: 'leaders' as const },
      }
    })
  }

  /**
   * One status change: settings held, evaluation row locked, `decide` checks and says the new
   * statuses; then the row, the system message and the notifications, in one transaction.
   */
  private change(
    ref: { groupId: number; evaluationId: number },
    decide: (
      tx: Tx,
      ev: EvaluationRow,
      state: (status: RequestStatus) => RequestState,
    ) => Promise<{
      to: Statuses
      stamp?: Stamp
      reason: string
      notify?: { kind: NotificationKind; to: number[] | 'leaders' }
    }>,
  ): Promise<StatusView> {
    return this.db.$transaction(async (tx) => {
      const settings = await this.settings.locked(tx, 'share')
      const ev = await lockEvaluation(tx, this.realmId, ref, 'update')
      const state = (status: RequestStatus): RequestState => ({
        status,
        period: settings.period,
        current: ev.semester === settings.semester,
      })
      const { to, stamp, reason, notify } = await decide(tx, ev, state)
      const row = await tx.evaluation.update({
        where: { id_realmId: { id: ev.id, realmId: this.realmId } },
        data: { pointStatus: to.pointStatus, entryStatus: to.entryStatus, ...stamp },
        select: { id: true, pointStatus: true, entryStatus: true },
      })
      await tx.evaluationMessage.create({
        data: {
          realmId: this.realmId,
          evaluationId: ev.id,
          system: true,
          authorId: this.actor.kind === 'user' ? this.actor.userId : null,
          body: statusChangeMessage(ev, to, reason),
          createdAt: this.clock.now(),
        },
      })
      if (notify) {
        const group = await groupAndLeaders(tx, this.realmId, ev.groupId)
        await this.notifications.send(tx, notify.to === 'leaders' ? group.leaderIds : notify.to, {
          kind: notify.kind,
          params: {
            groupId: ev.groupId,
            groupName: group.name,
            evaluationId: ev.id,
            semester: ev.semester,
            pointFrom: ev.pointStatus,
            pointTo: to.pointStatus,
            entryFrom: ev.entryStatus,
            entryTo: to.entryStatus,
            reason,
          },
          link: `/groups/${ev.groupId}/evaluation`,
        })
      }
      return StatusView.parse(row)
    })
  }

  /** Refuses an entry request whose KB or ÁB cards of eligible members lack a justification. */
  private async assertJustified(tx: Tx, ev: EvaluationRow): Promise<void> {
    const eligible = new Set((await eligibleMembers(tx, this.realmId, ev.groupId)).map((m) => m.membershipId))
    const cards = await tx.entryCard.findMany({
      where: { realmId: this.realmId, evaluationId: ev.id, type: { in: ['KB', 'AB'] } },
      select: { membershipId: true, justification: true },
      orderBy: { membershipId: 'asc' },
    })
    const missing = cards
      .filter((c) => eligible.has(c.membershipId) && c.justification.trim() === '')
      .map((c) => c.membershipId)
    if (missing.length > 0) throw new MissingJustificationError(missing)
  }

  /**
   * Who hears of a submission: the holders of evaluation:judge on the group as the policy engine
   * explains it (the resort leader post of an ancestor, delegated policies). A grant on anything
   * (the RVT leader, a superadmin) would hear of every group's submission and is left out.
   */
  private resortLeaders(groupId: number): Promise<number[]> {
    return this.policies.holders('evaluation:judge', groupTarget(groupId))
  }
}
