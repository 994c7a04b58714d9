import { type ReactNode, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Button, Card } from '~/ui'
import { applyToGroup, withdrawApplication } from '../membership.functions'
import type { MembershipState } from '../membership-lifecycle.schema'
import { ConfirmDialog } from './ConfirmDialog'
import { mayApplyFrom } from './roster-actions'
import { useAction } from './use-action'

export type MyMembershipPanelProps = {
  group: { id: number; name: string; acceptsApplications: boolean; archived: boolean }
  /** The viewer's own membership now; null: none. */
  mine: MembershipState | null
}

/** The viewer's own standing in the group: apply, withdraw a pending application, or their status. */
export function MyMembershipPanel({ group, mine }: MyMembershipPanelProps) {
  const t = useT()
  const format = useFormat()
  const { run, pending } = useAction()
  const [confirming, setConfirming] = useState(false)
  const status = mine?.status ?? null
  const since = mine ? format.formatDate(mine.since) : ''
  const groupId = group.id

  const apply = () =>
    run(() => applyToGroup({ data: { groupId } }), {
      done: t('roster.mine.applied'),
      refused: t('roster.mine.applyRefused'),
      conflict: (now) => t('roster.mine.conflict', { status: now }),
    })
  const withdraw = async () => {
    await run(() => withdrawApplication({ data: { groupId } }), {
      done: t('roster.mine.withdrawn'),
      refused: t('roster.mine.withdrawRefused'),
      conflict: (now) => t('roster.mine.conflict', { status: now }),
    })
    setConfirming(false)
  }

  let text: string
  let action: ReactNode = null
  if (status === 'PENDING') {
    text = t('roster.mine.pending', { date: since })
    action = (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t('roster.mine.withdraw')}
      </Button>
    )
  } else if (!mayApplyFrom(status)) {
    text = t('roster.mine.member', { status: t(`membership.status.${status}`), date: since })
  } else {
    text = status ? t(`roster.mine.closed.${status}`) : t('roster.mine.none')
    if (group.archived) text = `${text} ${t('roster.mine.archivedGroup')}`
    else if (!group.acceptsApplications) text = `${text} ${t('roster.mine.notAccepting')}`
    else
      action = (
        <Button loading={pending} onClick={apply}>
          {t('roster.mine.apply')}
        </Button>
      )
  }

  return (
    <Card title={t('roster.mine.title')} headingLevel={2} className="mt-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p>{text}</p>
        {action}
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        question={t('roster.mine.withdrawConfirm', { group: group.name })}
        confirmLabel={t('roster.mine.withdraw')}
        pending={pending}
        onConfirm={withdraw}
      />
    </Card>
  )
}
