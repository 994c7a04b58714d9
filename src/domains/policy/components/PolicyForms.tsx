import { useNavigate } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import { Button, TextArea, TextField } from '~/ui'
import { createPolicy, renamePolicy } from '../policy-admin.functions'
import type { PolicyDetail } from '../policy-admin.schema'
import { usePolicyAction } from './use-policy-action'

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
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t('policy.detail.rename')}>
      <TextField
        label={t('policy.detail.name')}
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextArea
        label={t('policy.detail.descriptionLabel')}
        maxLength={1000}
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {t('policy.detail.save')}
        </Button>
      </div>
    </form>
  )
}

/** Creates a child and opens it, so its statements can be added right away. */
export function CreateChildForm({ parentId }: { parentId: number }) {
  const t = useT()
  const navigate = useNavigate()
  const { run, pending } = usePolicyAction()
  const [name, setName] = useState('')
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const created = await run(
      () => createPolicy({ data: { parentId, name } }),
      (p) => t('policy.detail.created', { name: p.name }),
    )
    if (created) await navigate({ to: '/admin/policies', search: { policy: created.id } })
  }
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3"
      aria-label={t('policy.detail.createChild')}
    >
      <TextField
        label={t('policy.detail.childName')}
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
        wrapperClassName="min-w-0 flex-1"
      />
      <Button type="submit" disabled={pending}>
        {t('policy.detail.create')}
      </Button>
    </form>
  )
}
