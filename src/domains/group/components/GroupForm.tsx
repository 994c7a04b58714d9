import { type FormEvent, useState } from 'react'
import { ConflictNotice } from '~/domains/user/components/ConflictNotice'
import { useValidatedSubmit } from '~/domains/user/components/use-validated-submit'
import { useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { Button, Card, Checkbox, Select, TextArea, TextField } from '~/ui'
import { GroupPurposeSchema } from '../group.schema'
import { type GroupData, GroupFields } from '../group-management.schema'
import { type GroupFormValues, toGroupFields } from './group-form-values'

export type GroupFormProps = {
  title: string
  initial: GroupFormValues
  submitLabel: string
  send: (fields: GroupFields) => Promise<GroupData>
  onSaved: (saved: GroupData) => void
  /** Words for a refusal shown beside the form (a 403, a tree rule), or null to leave it to the toast. */
  refusalOf: (error: PublicError) => string | null
}

/**
 * Every field of a group (PRODUCT.md, "Groups"), for editing one or creating one. Field messages —
 * the browser's check or the server's 400 — show under their fields; a stale version is its own state.
 */
export function GroupForm({ title, initial, submitLabel, send, onSaved, refusalOf }: GroupFormProps) {
  const t = useT()
  const { formRef, submit, pending, errorOf } = useValidatedSubmit()
  const [values, setValues] = useState(initial)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [stale, setStale] = useState(false)
  const text = (
    name: 'name' | 'shortDescription' | 'purpose' | 'foundedYear' | 'webpage' | 'mailingList',
  ) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }),
    error: errorOf(name),
  })
  const flag = (name: 'acceptsApplications' | 'showArchivedMembers') => ({
    name,
    checked: values[name],
    onChange: (e: { target: { checked: boolean } }) => setValues({ ...values, [name]: e.target.checked }),
  })

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    const fields = toGroupFields(values)
    const saved = await submit(GroupFields, fields, async () => {
      try {
        return await send(fields)
      } catch (error) {
        if (error instanceof PublicError && error.status === 409 && error.fields?.version) {
          setStale(true)
          return undefined
        }
        const words = error instanceof PublicError ? refusalOf(error) : null
        if (!words) throw error
        setRefusal(words)
        return undefined
      }
    })
    if (saved) onSaved(saved)
  }

  return (
    <Card title={title} headingLevel={2}>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={title} className="flex flex-col gap-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label={t('groupAdmin.form.name')} required maxLength={100} {...text('name')} />
          <Select
            label={t('groupAdmin.form.purpose')}
            options={GroupPurposeSchema.options.map((p) => ({ value: p, label: t(`group.purposes.${p}`) }))}
            {...text('purpose')}
          />
          <TextArea
            label={t('groupAdmin.form.shortDescription')}
            rows={3}
            maxLength={500}
            wrapperClassName="sm:col-span-2"
            {...text('shortDescription')}
          />
          <TextField
            label={t('groupAdmin.form.foundedYear')}
            hint={t('groupAdmin.form.foundedYearHint')}
            inputMode="numeric"
            {...text('foundedYear')}
          />
          <TextField
            label={t('groupAdmin.form.mailingList')}
            hint={t('groupAdmin.form.mailingListHint')}
            type="email"
            {...text('mailingList')}
          />
          <TextField
            label={t('groupAdmin.form.webpage')}
            hint={t('groupAdmin.form.webpageHint')}
            type="url"
            wrapperClassName="sm:col-span-2"
            {...text('webpage')}
          />
        </div>
        <div className="flex flex-col gap-3">
          <Checkbox label={t('groupAdmin.form.acceptsApplications')} {...flag('acceptsApplications')} />
          <Checkbox label={t('groupAdmin.form.showArchivedMembers')} {...flag('showArchivedMembers')} />
        </div>
        {refusal && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {refusal}
          </p>
        )}
        {stale && <ConflictNotice message={t('groupAdmin.form.conflict')} />}
        <div>
          <Button type="submit" loading={pending}>
            {pending ? t('common.saving') : submitLabel}
          </Button>
        </div>
      </form>
    </Card>
  )
}
