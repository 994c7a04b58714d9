import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import type { Scope } from '~/server/auth/scopes'
import { Button, Checkbox, type ComboboxOption, Select } from '~/ui'
import { addPolicyStatement } from '../policy-admin.functions'
import type { StatementTargetInput } from '../policy-admin.schema'
import { scopeOptions } from './policy-text'
import { TargetPicker } from './TargetPickers'
import { usePolicyAction } from './use-policy-action'

const KINDS = ['ANY', 'GROUP', 'USER', 'SELF', 'POST_GROUP'] as const
type Kind = (typeof KINDS)[number]
const KIND_LABEL = {
  ANY: 'any',
  GROUP: 'group',
  USER: 'user',
  SELF: 'self',
  POST_GROUP: 'post-group',
} as const

/** Adds one statement; the server refuses what the parent policy does not cover, and says why. */
export function StatementForm({ policyId }: { policyId: number }) {
  const t = useT()
  const { run, pending, error, clearError } = usePolicyAction()
  const [scope, setScope] = useState<Scope>('group:view')
  const [kind, setKind] = useState<Kind>('ANY')
  const [picked, setPicked] = useState<ComboboxOption | null>(null)
  const [withDescendants, setWithDescendants] = useState(false)

  const target = (): StatementTargetInput => {
    switch (kind) {
      case 'GROUP':
        return { kind, groupId: picked?.id ?? 0, withDescendants }
      case 'USER':
        return { kind, userId: picked?.id ?? 0 }
      case 'POST_GROUP':
        return { kind, withDescendants }
      default:
        return { kind }
    }
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    clearError()
    const added = await run(
      () => addPolicyStatement({ data: { policyId, scope, target: target() } }),
      () => t('policy.statements.added'),
    )
    if (added) setPicked(null)
  }
  const cascades = kind === 'GROUP' || kind === 'POST_GROUP'

  return (
    <form
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label={t('policy.statements.addTitle')}
    >
      <Select
        label={t('policy.statements.scope')}
        wrapperClassName="sm:col-span-2"
        options={scopeOptions(t)}
        value={scope}
        onChange={(e) => setScope(e.target.value as Scope)}
      />
      <Select
        label={t('policy.statements.targetKind')}
        options={KINDS.map((k) => ({ value: k, label: t(`policy.targetKinds.${KIND_LABEL[k]}`) }))}
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind)
          setPicked(null)
        }}
      />
      {(kind === 'GROUP' || kind === 'USER') && (
        <TargetPicker
          kind={kind === 'GROUP' ? 'group' : 'user'}
          label={kind === 'GROUP' ? t('policy.statements.group') : t('policy.statements.user')}
          required
          value={picked}
          onValueChange={setPicked}
        />
      )}
      {cascades && (
        <Checkbox
          wrapperClassName="sm:col-span-2"
          label={t('policy.statements.withDescendants')}
          checked={withDescendants}
          onChange={(e) => setWithDescendants(e.target.checked)}
        />
      )}
      {error && (
        // The server's refusal (a statement the parent does not hold) stays beside the form.
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {t('policy.statements.refused', { message: error })}
        </p>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" loading={pending}>
          {t('policy.statements.add')}
        </Button>
      </div>
    </form>
  )
}
