import { useNavigate } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useT } from '~/i18n'
import { Button, Checkbox, Dialog, ErrorState, LoadingState } from '~/ui'
import { deletePolicy, previewPolicyDelete } from '../policy-admin.functions'
import type { DeletePreview } from '../policy-admin.schema'
import { POLICY_SCREENS, type PolicyScreen } from './policy-screens'
import { failureMessage, usePolicyAction } from './use-policy-action'

/** Delete with a preview: the dialog first asks the server what the deletion would remove. */
const PROTECTED_MESSAGE = {
  root: 'policy.deletion.protectedRoot',
  baseline: 'policy.deletion.protectedBaseline',
  'built-in': 'policy.deletion.protectedBuiltIn',
} as const

export function DeletePolicyButton({
  policyId,
  name,
  screen = 'admin',
}: {
  policyId: number
  name: string
  screen?: PolicyScreen
}) {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('policy.detail.delete')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('policy.deletion.title', { name })}>
        {open && <DeletePreviewBody policyId={policyId} screen={screen} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  )
}

function DeletePreviewBody({
  policyId,
  screen,
  onDone,
}: {
  policyId: number
  screen: PolicyScreen
  onDone: () => void
}) {
  const t = useT()
  const navigate = useNavigate()
  const { run, pending } = usePolicyAction()
  const [preview, setPreview] = useState<DeletePreview | { error: string } | null>(null)
  const [cascade, setCascade] = useState(false)

  useEffect(() => {
    previewPolicyDelete({ data: { policyId } }).then(setPreview, (e: unknown) =>
      setPreview({ error: failureMessage(e) }),
    )
  }, [policyId])

  if (!preview) return <LoadingState label={t('policy.deletion.loading')} />
  if ('error' in preview)
    return <ErrorState title={t('policy.loadFailed', { message: preview.error })} message={null} />

  const remove = async () => {
    const done = await run(
      () => deletePolicy({ data: { policyId, cascade } }),
      () => t('policy.deletion.deleted'),
    )
    if (!done) return
    onDone()
    await navigate({ to: POLICY_SCREENS[screen], search: {} })
  }

  return (
    <div className="flex flex-col gap-4">
      {preview.protected ? (
        <p>{t(PROTECTED_MESSAGE[preview.protected])}</p>
      ) : (
        <>
          <p>
            {t('policy.deletion.summary', {
              statements: preview.statementCount,
              assignments: preview.assignmentCount,
              bindings: preview.bindingCount,
            })}
          </p>
          {preview.descendants.length > 0 && (
            <>
              <p className="font-medium">{t('policy.deletion.descendants')}</p>
              <ul className="list-disc pl-5">
                {preview.descendants.map((d) => (
                  <li key={d.id}>{d.name}</li>
                ))}
              </ul>
              <Checkbox
                label={t('policy.deletion.cascade')}
                checked={cascade}
                onChange={(e) => setCascade(e.target.checked)}
              />
            </>
          )}
        </>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('policy.cancel')}
        </Button>
        {!preview.protected && (
          <Button variant="danger" onClick={remove} disabled={pending}>
            {t('policy.deletion.confirm')}
          </Button>
        )}
      </div>
    </div>
  )
}
