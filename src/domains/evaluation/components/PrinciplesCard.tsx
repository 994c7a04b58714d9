import { useRouter } from '@tanstack/react-router'
import { type FormEvent, useRef, useState } from 'react'
import { ConfirmDialog } from '~/domains/membership/components/ConfirmDialog'
import { useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { Badge, Button, Card, Select, TextArea, TextField, useToast } from '~/ui'
import {
  copyPreviousPrinciples,
  createPrinciple,
  deletePrinciple,
  updatePrinciple,
} from '../evaluation.functions'
import type { EvaluationView, PrincipleView } from '../evaluation.schema'
import { refusalMessage } from './evaluation-access'

type Fields = Pick<PrincipleView, 'name' | 'description' | 'category' | 'maxPoints'>
type FieldName = keyof Fields
const ERROR_CODES = ['required', 'tooLong', 'tooSmall', 'tooLarge', 'invalid', 'belowGivenPoints'] as const
const EMPTY = { name: '', description: '', category: 'WORK', maxPoints: '' } as const

/**
 * The scoring principles: a list everyone who sees the evaluation reads; the group's editors (while
 * the point request is a draft in SUBMISSION) add, change and delete them, or copy last semester's
 * into an empty list. Every change reloads the view, so the table gets its new columns.
 */
export function PrinciplesCard({ view, editable }: { view: EvaluationView; editable: boolean }) {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [copying, setCopying] = useState(false)
  const ref = { groupId: view.groupId, evaluationId: view.id }

  async function copy() {
    setCopying(true)
    try {
      const copied = await copyPreviousPrinciples({ data: ref })
      toast.success(
        copied.length > 0
          ? t('evaluation.principles.copied', { count: copied.length })
          : t('evaluation.principles.copiedNone'),
      )
      await router.invalidate()
    } catch (error) {
      toast.error(refusalMessage(t, error) ?? t('common.saveFailed'))
    } finally {
      setCopying(false)
    }
  }

  return (
    <Card
      title={t('evaluation.principles.title')}
      actions={
        editable &&
        view.principles.length === 0 && (
          <Button size="sm" variant="secondary" loading={copying} onClick={copy}>
            {t('evaluation.principles.copy')}
          </Button>
        )
      }
    >
      <div className="flex flex-col gap-4">
        <p className="text-sm text-gray-600">{t('evaluation.principles.description')}</p>
        {view.principles.length === 0 ? (
          <p className="text-sm text-gray-700">{t('evaluation.principles.empty')}</p>
        ) : (
          <ul className="divide-y divide-gray-200" aria-label={t('evaluation.principles.title')}>
            {view.principles.map((p) => (
              <PrincipleItem key={p.id} view={view} principle={p} editable={editable} />
            ))}
          </ul>
        )}
        {editable && <PrincipleForm view={view} />}
      </div>
    </Card>
  )
}

function PrincipleItem({
  view,
  principle,
  editable,
}: {
  view: EvaluationView
  principle: PrincipleView
  editable: boolean
}) {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [pending, setPending] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)

  async function remove() {
    setPending(true)
    try {
      await deletePrinciple({
        data: { groupId: view.groupId, evaluationId: view.id, principleId: principle.id },
      })
      toast.success(t('evaluation.principles.deleted', { name: principle.name }))
      setConfirming(false)
      await router.invalidate()
    } catch (error) {
      toast.error(refusalMessage(t, error) ?? t('common.saveFailed'))
    } finally {
      setPending(false)
    }
  }

  if (editing)
    return (
      <li className="py-3">
        <PrincipleForm
          view={view}
          principle={principle}
          onDone={() => {
            setEditing(false)
            requestAnimationFrame(() => editButton.current?.focus())
          }}
        />
      </li>
    )
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 font-medium text-gray-900">
          {principle.name}
          <Badge tone={principle.category === 'WORK' ? 'brand' : 'neutral'}>
            {t(`evaluation.categories.${principle.category}`)}
          </Badge>
          <span className="text-sm font-normal text-gray-700">
            {t('evaluation.principles.max', { max: principle.maxPoints })}
          </span>
        </p>
        {principle.description && <p className="text-sm text-gray-700">{principle.description}</p>}
      </div>
      {editable && (
        <div className="flex shrink-0 gap-2">
          <Button
            ref={editButton}
            size="sm"
            variant="secondary"
            aria-label={t('evaluation.principles.editLabel', { name: principle.name })}
            onClick={() => setEditing(true)}
          >
            {t('evaluation.principles.edit')}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            aria-label={t('evaluation.principles.deleteLabel', { name: principle.name })}
            onClick={() => setConfirming(true)}
          >
            {t('evaluation.principles.delete')}
          </Button>
          <ConfirmDialog
            open={confirming}
            onClose={() => setConfirming(false)}
            question={t('evaluation.principles.deleteQuestion', { name: principle.name })}
            confirmLabel={t('evaluation.principles.delete')}
            pending={pending}
            onConfirm={remove}
          />
        </div>
      )}
    </li>
  )
}

/** A new principle, or the change of one (`principle`): field errors under their fields. */
function PrincipleForm({
  view,
  principle,
  onDone,
}: {
  view: EvaluationView
  principle?: PrincipleView
  onDone?: () => void
}) {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [fields, setFields] = useState({
    ...EMPTY,
    ...(principle && { ...principle, maxPoints: String(principle.maxPoints) }),
  })
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [pending, setPending] = useState(false)
  const nameField = useRef<HTMLInputElement>(null)
  const set = (name: keyof typeof fields, value: string) => setFields((f) => ({ ...f, [name]: value }))

  const errorText = (codes: string[] | undefined) => {
    const code = ERROR_CODES.find((c) => codes?.includes(c))
    return code
      ? t(`evaluation.principles.errors.${code}`)
      : codes?.length
        ? t('common.saveFailed')
        : undefined
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const maxPoints = /^\d+$/.test(fields.maxPoints.trim()) ? Number(fields.maxPoints) : Number.NaN
    const local: Partial<Record<FieldName, string>> = {}
    if (!fields.name.trim()) local.name = t('evaluation.principles.errors.required')
    if (!Number.isInteger(maxPoints)) local.maxPoints = t('evaluation.principles.errors.invalid')
    else if (maxPoints < 1) local.maxPoints = t('evaluation.principles.errors.tooSmall')
    setErrors(local)
    if (Object.keys(local).length > 0) return
    const data = {
      groupId: view.groupId,
      evaluationId: view.id,
      name: fields.name,
      description: fields.description,
      category: fields.category as Fields['category'],
      maxPoints,
    }
    setPending(true)
    try {
      const saved = principle
        ? await updatePrinciple({ data: { ...data, principleId: principle.id } })
        : await createPrinciple({ data })
      toast.success(t(principle ? 'evaluation.principles.saved' : 'evaluation.principles.created', saved))
      if (!principle) {
        setFields({ ...EMPTY })
        nameField.current?.focus()
      }
      onDone?.()
      await router.invalidate()
    } catch (error) {
      if (error instanceof PublicError && error.code === 'VALIDATION' && error.fields) {
        setErrors({
          name: errorText(error.fields.name),
          description: errorText(error.fields.description),
          maxPoints: errorText(error.fields.maxPoints),
        })
      } else toast.error(refusalMessage(t, error) ?? t('common.saveFailed'))
    } finally {
      setPending(false)
    }
  }

  const title = principle
    ? t('evaluation.principles.editTitle', { name: principle.name })
    : t('evaluation.principles.addTitle')
  return (
    <form
      noValidate
      aria-label={title}
      onSubmit={onSubmit}
      className={principle ? 'flex flex-col gap-3' : 'flex flex-col gap-3 border-t border-gray-200 pt-4'}
    >
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      <div className="grid gap-3 sm:grid-cols-[1fr_auto_auto]">
        <TextField
          ref={nameField}
          label={t('evaluation.principles.name')}
          value={fields.name}
          maxLength={100}
          error={errors.name}
          onChange={(event) => set('name', event.target.value)}
        />
        <Select
          label={t('evaluation.principles.category')}
          value={fields.category}
          options={(['WORK', 'RESPONSIBILITY'] as const).map((c) => ({
            value: c,
            label: t(`evaluation.categories.${c}`),
          }))}
          onChange={(event) => set('category', event.target.value)}
        />
        <TextField
          label={t('evaluation.principles.maxPoints')}
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          value={fields.maxPoints}
          error={errors.maxPoints}
          onChange={(event) => set('maxPoints', event.target.value)}
          className="sm:w-32"
        />
      </div>
      <TextArea
        label={t('evaluation.principles.details')}
        rows={2}
        value={fields.description}
        maxLength={2000}
        error={errors.description}
        onChange={(event) => set('description', event.target.value)}
      />
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          {principle ? t('common.save') : t('evaluation.principles.create')}
        </Button>
        {onDone && (
          <Button variant="secondary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  )
}
