import { useNavigate } from '@tanstack/react-router'
import { type FormEvent, useId, useState } from 'react'
import { useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { Button, Card, Dialog, Select, useToast } from '~/ui'
import type { PostGrid } from '../member-post.schema'
import { handOverLeadership } from '../membership.functions'
import { postRefusal } from './PostText'

/**
 * The owner hands the group over: the chosen active member gets the leader post and the current
 * leader becomes "former leader", in one step on the server. The old leader usually loses this page
 * with it, so success leads to the group page, where the new leader shows.
 */
export function PostHandOver({ groupId, grid }: { groupId: number; grid: PostGrid }) {
  const t = useT()
  const toast = useToast()
  const navigate = useNavigate()
  const formId = useId()
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  const leaderType = grid.postTypes.find((type) => type.kind === 'LEADER')
  const isLeader = (m: PostGrid['members'][number]) =>
    leaderType !== undefined && m.postTypeIds.includes(leaderType.id)
  const leaders = grid.members.filter(isLeader)
  const candidates = grid.members.filter((m) => m.status === 'ACTIVE' && !isLeader(m))
  const chosen = candidates.find((m) => String(m.membershipId) === choice)
  const leaderNames = leaders.map((m) => m.displayName).join(', ')

  /** A refusal in words, shown in the form: they lead already, or stopped serving meanwhile. */
  const handOverRefusal = (failure: unknown): string | null => {
    if (!(failure instanceof PublicError) || failure.status !== 409) return null
    if (failure.reason === 'already-leader') return t('postAdmin.handOver.alreadyLeader')
    return postRefusal(t, failure)
  }

  const close = () => {
    setOpen(false)
    setError(null)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!chosen) {
      setError(t('postAdmin.handOver.pickRequired'))
      return
    }
    setPending(true)
    setError(null)
    try {
      await handOverLeadership({ data: { groupId, membershipId: chosen.membershipId } })
      toast.success(t('postAdmin.handOver.done', { name: chosen.displayName }))
      setOpen(false)
      await navigate({ to: '/groups/$groupId', params: { groupId: String(groupId) } })
    } catch (failure) {
      setError(handOverRefusal(failure) ?? t('common.saveFailed'))
    } finally {
      setPending(false)
    }
  }

  return (
    <Card title={t('postAdmin.handOver.title')} headingLevel={2}>
      <div className="flex flex-col items-start gap-3">
        <p className="text-sm text-gray-600">{t('postAdmin.handOver.description')}</p>
        <p className="text-sm text-gray-900">
          {leaders.length > 0
            ? t('postAdmin.handOver.current', { name: leaderNames })
            : t('postAdmin.handOver.noLeader')}
        </p>
        {candidates.length === 0 ? (
          <p className="text-sm text-gray-600">{t('postAdmin.handOver.noCandidates')}</p>
        ) : (
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('postAdmin.handOver.open')}
          </Button>
        )}
      </div>
      <Dialog
        open={open}
        onClose={close}
        title={t('postAdmin.handOver.title')}
        description={t('postAdmin.handOver.description')}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form={formId} variant="danger" loading={pending}>
              {t('postAdmin.handOver.confirm')}
            </Button>
          </>
        }
      >
        <form id={formId} noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <Select
            label={t('postAdmin.handOver.newLeader')}
            hint={t('postAdmin.handOver.hint')}
            placeholder={t('postAdmin.handOver.pick')}
            required
            value={choice}
            error={error ?? undefined}
            data-autofocus
            onChange={(event) => {
              setChoice(event.target.value)
              setError(null)
            }}
            options={candidates.map((m) => ({ value: String(m.membershipId), label: m.displayName }))}
          />
          {chosen && (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              {leaders.length > 0
                ? t('postAdmin.handOver.question', { name: chosen.displayName, leader: leaderNames })
                : t('postAdmin.handOver.questionNoLeader', { name: chosen.displayName })}
            </p>
          )}
        </form>
      </Dialog>
    </Card>
  )
}
