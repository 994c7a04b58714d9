import { useNavigate } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import { Button, Checkbox, Select, TextArea, TextField } from '~/ui'
import { createPolicy, movePolicy, renamePolicy } from '../policy-admin.functions'
import type { PolicyDetail, PolicySummary } from '../policy-admin.schema'
import { POLICY_SCREENS, type PolicyScreen } from './policy-screens'
import { descendantIds, inTreeOrder } from './policy-tree'
import { usePolicyAction } from './use-policy-action'

/** Name and description; a built-in policy keeps its name (it is found by it), only its description changes. */
export function RenamePolicyForm({ policy }: { policy: PolicyDetail }) {
  const t = useT()
  const { run, pending } = usePolicyAction()
  const [name, setName] = useState(policy.name)
  const [description, setDescription] = useState(policy.description)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(
      () => renamePolicy({ data: { policyId: policy.id, name, description } }),
      () => t('policy.detail.renamed'),
    )
  }
  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-3"
      aria-label={policy.builtIn ? t('policy.detail.describe') : t('policy.detail.rename')}
    >
      {policy.builtIn ? (
        <p className="text-sm text-gray-600">{t('policy.detail.builtInName')}</p>
      ) : (
        <TextField
          label={t('policy.detail.name')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      )}
      <TextArea
        label={t('policy.detail.descriptionLabel')}
        maxLength={1000}
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div>
        <Button type="submit" loading={pending}>
          {t('policy.detail.save')}
        </Button>
      </div>
    </form>
  )
}

/**
 * Creates a child and opens it on the same screen, so its statements can be added right away. A
 * "can issue" child lets its holders issue further below it.
 */
export function CreateChildForm({ parentId, screen = 'admin' }: { parentId: number; screen?: PolicyScreen }) {
  const t = useT()
  const navigate = useNavigate()
  const { run, pending } = usePolicyAction()
  const [name, setName] = useState('')
  const [canIssue, setCanIssue] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const created = await run(
      () => createPolicy({ data: { parentId, name, canIssue } }),
      (p) => t('policy.detail.created', { name: p.name }),
    )
    if (created) await navigate({ to: POLICY_SCREENS[screen], search: { policy: created.id } })
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t('policy.detail.createChild')}>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={t('policy.detail.childName')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          wrapperClassName="min-w-0 flex-1"
        />
        <Button type="submit" loading={pending}>
          {t('policy.detail.create')}
        </Button>
      </div>
      <Checkbox
        label={t('policy.detail.childCanIssue')}
        checked={canIssue}
        onChange={(e) => setCanIssue(e.target.checked)}
      />
    </form>
  )
}

// Indents an option by its depth; a select cannot nest, and plain spaces would be collapsed.
const INDENT = '\u00a0\u00a0\u00a0'

/**
 * Moves the policy under another one. Itself and its own subtree are not offered (the server would
 * refuse a cycle anyway); a parent that does not cover its statements is refused by the server,
 * and its reason shows under the field as well as in a toast.
 */
export function MovePolicyForm({ policy, policies }: { policy: PolicyDetail; policies: PolicySummary[] }) {
  const t = useT()
  const { run, pending, error, clearError } = usePolicyAction()
  const [parentId, setParentId] = useState(String(policy.parentId ?? ''))
  const below = descendantIds(policies, policy.id)
  const choices = inTreeOrder(policies).filter(({ policy: p }) => p.id !== policy.id && !below.has(p.id))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parent = choices.find(({ policy: p }) => String(p.id) === parentId)?.policy
    if (!parent) return
    void run(
      () => movePolicy({ data: { policyId: policy.id, parentId: parent.id } }),
      () => t('policy.move.moved', { name: parent.name }),
    )
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t('policy.move.title')}>
      <Select
        label={t('policy.move.parent')}
        hint={t('policy.move.hint')}
        error={error ? t('policy.move.failed', { message: error }) : undefined}
        options={choices.map(({ policy: p, depth }) => ({
          value: String(p.id),
          label:
            INDENT.repeat(depth) +
            (p.id === policy.parentId ? t('policy.move.current', { name: p.name }) : p.name),
        }))}
        value={parentId}
        onChange={(e) => {
          setParentId(e.target.value)
          clearError()
        }}
      />
      <div>
        <Button type="submit" loading={pending} disabled={parentId === String(policy.parentId)}>
          {t('policy.move.submit')}
        </Button>
      </div>
    </form>
  )
}
