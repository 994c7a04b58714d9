import { useState } from 'react'
import { useT } from '~/i18n'
import { Button } from '~/ui'
import {
  acceptApplicant,
  archiveMember,
  makeFormerMember,
  promoteNewbie,
  reactivateMember,
  rejectApplicant,
  unarchiveMember,
} from '../membership.functions'
import type { RosterMember } from '../membership.schema'
import { ConfirmDialog } from './ConfirmDialog'
import { MembershipHistoryDialog } from './MembershipHistoryDialog'
import { type AdminAction, adminActionsFor, type DestructiveAction, isDestructive } from './roster-actions'
import { useAction } from './use-action'

const SEND: Record<AdminAction, typeof acceptApplicant> = {
  accept: acceptApplicant,
  reject: rejectApplicant,
  promote: promoteNewbie,
  makeFormer: makeFormerMember,
  reactivate: reactivateMember,
  archive: archiveMember,
  unarchive: unarchiveMember,
}

/**
 * A member admin's buttons for one row: only what the state machine allows from the row's status,
 * destructive ones after a confirmation, and the membership's history. `onSettled` runs after a
 * change, when the row may already have moved to another tab.
 */
export function MemberRowActions({
  groupId,
  member,
  onSettled,
}: {
  groupId: number
  member: RosterMember
  onSettled: () => void
}) {
  const t = useT()
  const { run, pending } = useAction()
  const [busy, setBusy] = useState<AdminAction | null>(null)
  const [confirming, setConfirming] = useState<DestructiveAction | null>(null)
  const [historyOpen, setHistoryOpen] = useState(false)
  const name = member.displayName

  const act = async (action: AdminAction) => {
    setBusy(action)
    await run(() => SEND[action]({ data: { groupId, membershipId: member.membershipId } }), {
      done: t(`roster.done.${action}`, { name }),
    })
    setBusy(null)
    setConfirming(null)
    onSettled()
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form's fieldset
    <div role="group" aria-label={t('roster.actions.of', { name })} className="flex flex-wrap gap-2">
      {adminActionsFor(member.status).map((action) => (
        <Button
          key={action}
          size="sm"
          variant={isDestructive(action) ? 'secondary' : 'primary'}
          loading={busy === action && !confirming}
          disabled={pending && busy !== action}
          onClick={() => (isDestructive(action) ? setConfirming(action) : void act(action))}
        >
          {t(`roster.actions.${action}`)}
        </Button>
      ))}
      <Button size="sm" variant="ghost" onClick={() => setHistoryOpen(true)}>
        {t('roster.actions.history')}
      </Button>
      {confirming && (
        <ConfirmDialog
          open
          onClose={() => setConfirming(null)}
          question={t(`roster.confirm.${confirming}`, { name })}
          confirmLabel={t(`roster.actions.${confirming}`)}
          pending={pending}
          onConfirm={() => act(confirming)}
        />
      )}
      {historyOpen && (
        <MembershipHistoryDialog
          open
          onClose={() => setHistoryOpen(false)}
          groupId={groupId}
          membershipId={member.membershipId}
          name={name}
        />
      )}
    </div>
  )
}
