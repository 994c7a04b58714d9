import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { ConfirmDialog } from '~/domains/membership/components/ConfirmDialog'
import { useAction } from '~/domains/membership/components/use-action'
import { useT } from '~/i18n'
import { Button, ButtonLink, buttonClasses } from '~/ui'
import { archiveGroup, unarchiveGroup } from '../group.functions'
import type { GroupPage } from '../group.schema'

/** The group page's management buttons, each shown only to those the guard said may use it. */
export function GroupManageActions({ group }: { group: GroupPage }) {
  const t = useT()
  const { viewer } = group
  const groupId = String(group.id)
  return (
    <>
      {viewer.editProfile && (
        <Link to="/groups/$groupId/edit" params={{ groupId }} className={buttonClasses('secondary', 'sm')}>
          {t('groupAdmin.actions.edit')}
        </Link>
      )}
      {viewer.createSubgroup && !group.archived && (
        <Link to="/groups/$groupId/new" params={{ groupId }} className={buttonClasses('secondary', 'sm')}>
          {t('groupAdmin.actions.newSubgroup')}
        </Link>
      )}
      {/* The posts screen is another route's; a plain link keeps this page independent of it. */}
      {viewer.roleAdmin && (
        <ButtonLink href={`/groups/${groupId}/posts`} variant="secondary" size="sm">
          {t('groupAdmin.actions.posts')}
        </ButtonLink>
      )}
      {viewer.viewEvaluation && (
        <ButtonLink href={`/groups/${groupId}/evaluation`} variant="secondary" size="sm">
          {t('groupAdmin.actions.evaluation')}
        </ButtonLink>
      )}
      {viewer.owner && <ArchiveGroupButton group={group} />}
    </>
  )
}

function ArchiveGroupButton({ group }: { group: GroupPage }) {
  const t = useT()
  const { run, pending } = useAction()
  const [confirming, setConfirming] = useState(false)
  const archive = !group.archived
  const change = async () => {
    const data = { groupId: group.id }
    await run(() => (archive ? archiveGroup({ data }) : unarchiveGroup({ data })), {
      done: t(archive ? 'groupAdmin.archive.archived' : 'groupAdmin.archive.unarchived'),
      refused: t(archive ? 'groupAdmin.archive.activeChildren' : 'groupAdmin.archive.archivedParent'),
      forbidden: t('groupAdmin.archive.forbidden'),
    })
    setConfirming(false)
  }
  const label = t(archive ? 'groupAdmin.archive.archive' : 'groupAdmin.archive.unarchive')
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
        {label}
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        question={t(archive ? 'groupAdmin.archive.confirmArchive' : 'groupAdmin.archive.confirmUnarchive', {
          name: group.name,
        })}
        confirmLabel={label}
        pending={pending}
        onConfirm={change}
      />
    </>
  )
}
