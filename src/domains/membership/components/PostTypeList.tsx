import { useRouter } from '@tanstack/react-router'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ConfirmButton } from '~/domains/policy/components/ConfirmButton'
import { type MessageKey, useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { Badge, Button, Card, TextField, useToast } from '~/ui'
import { createPostType, deletePostType, renamePostType } from '../membership.functions'
import { type GroupPostType, PostTypeName } from '../post-type.schema'
import { usePostName } from './PostText'

const MAX_NAME = 30
const NAME_ERRORS = ['required', 'tooLong', 'nameTaken'] as const
type NameError = (typeof NAME_ERRORS)[number]

const nameErrorOf = (error: unknown): NameError | null => {
  if (!(error instanceof PublicError)) return null
  const code = error.fields?.name?.[0]
  return NAME_ERRORS.find((known) => known === code) ?? null
}

/** Checks a name as the server will (trimmed, 1–30 characters); null when it may be sent. */
const localNameError = (name: string): NameError | null => {
  const result = PostTypeName.safeParse(name)
  if (result.success) return null
  return result.error.issues[0]?.message === 'tooLong' ? 'tooLong' : 'required'
}

/**
 * The post types the group gives: the shared ones read-only, the group's own with rename and delete,
 * and a form for a new one. Every change reloads the page's data, so the grid gains or loses its column.
 */
export function PostTypeList({ groupId, types }: { groupId: number; types: GroupPostType[] }) {
  const t = useT()
  const name = usePostName()
  const shared = types.filter((type) => type.shared)
  const own = types.filter((type) => !type.shared)
  return (
    <Card title={t('postAdmin.types.title')} headingLevel={2}>
      <div className="flex flex-col gap-5">
        <p className="text-sm text-gray-600">{t('postAdmin.types.description')}</p>
        <section aria-labelledby="post-types-shared">
          <h3 id="post-types-shared" className="mb-2 text-sm font-semibold text-gray-900">
            {t('postAdmin.types.sharedTitle')}
          </h3>
          <ul className="flex flex-wrap gap-2">
            {shared.map((type) => (
              <li key={type.id}>
                <Badge tone="neutral">{name(type)}</Badge>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="post-types-own">
          <h3 id="post-types-own" className="mb-2 text-sm font-semibold text-gray-900">
            {t('postAdmin.types.ownTitle')}
          </h3>
          {own.length === 0 ? (
            <p className="text-sm text-gray-600">{t('postAdmin.types.noOwn')}</p>
          ) : (
            <ul className="divide-y divide-gray-200 rounded-md border border-gray-200">
              {own.map((type) => (
                <OwnPostType key={type.id} groupId={groupId} type={type} />
              ))}
            </ul>
          )}
        </section>
        <CreatePostTypeForm groupId={groupId} />
      </div>
    </Card>
  )
}

/** The name field with its live counter and its error, shared by the new-type and rename forms. */
function PostTypeNameField({
  label,
  value,
  error,
  onChange,
  labelHidden,
}: {
  label: string
  value: string
  error: NameError | null
  onChange: (value: string) => void
  labelHidden?: boolean
}) {
  const t = useT()
  const errorKey: MessageKey | null = error ? `postAdmin.types.errors.${error}` : null
  return (
    <TextField
      label={label}
      labelHidden={labelHidden}
      value={value}
      maxLength={MAX_NAME}
      required
      autoComplete="off"
      hint={t('postAdmin.types.counter', { count: value.length, max: MAX_NAME })}
      error={errorKey ? t(errorKey) : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}

/**
 * Sends a name change: checks it like the server first, then shows a refusal of the name under the
 * field and anything else as a toast. Answers whether it was saved.
 */
function useNameSubmit() {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [error, setError] = useState<NameError | null>(null)
  const [pending, setPending] = useState(false)

  async function submit(
    name: string,
    send: () => Promise<GroupPostType>,
    done: (saved: GroupPostType) => string,
  ) {
    const local = localNameError(name)
    setError(local)
    if (local) return false
    setPending(true)
    try {
      const saved = await send()
      toast.success(done(saved))
      await router.invalidate()
      return true
    } catch (failure) {
      const refusal = nameErrorOf(failure)
      setError(refusal)
      if (!refusal) toast.error(t('common.saveFailed'))
      return false
    } finally {
      setPending(false)
    }
  }
  return { submit, error, pending, clearError: () => setError(null) }
}

function CreatePostTypeForm({ groupId }: { groupId: number }) {
  const t = useT()
  const [name, setName] = useState('')
  const { submit, error, pending } = useNameSubmit()
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const created = await submit(
      name,
      () => createPostType({ data: { groupId, name } }),
      (saved) => t('postAdmin.types.created', { name: saved.name }),
    )
    if (created) setName('')
  }
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3 border-t border-gray-200 pt-4">
      <h3 className="text-sm font-semibold text-gray-900">{t('postAdmin.types.createTitle')}</h3>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <PostTypeNameField label={t('postAdmin.types.name')} value={name} error={error} onChange={setName} />
        <Button type="submit" loading={pending} className="sm:mt-7">
          {t('postAdmin.types.create')}
        </Button>
      </div>
    </form>
  )
}

function OwnPostType({ groupId, type }: { groupId: number; type: GroupPostType }) {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(type.name)
  const [refusal, setRefusal] = useState<string | null>(null)
  const rename = useNameSubmit()
  const formRef = useRef<HTMLFormElement>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  const wasEditing = useRef(false)

  // Opening the form puts the caret in the name; closing it returns focus to "Rename".
  useEffect(() => {
    if (editing) formRef.current?.querySelector('input')?.focus()
    else if (wasEditing.current) renameButton.current?.focus()
    wasEditing.current = editing
  }, [editing])

  const onRename = async (event: FormEvent) => {
    event.preventDefault()
    const saved = await rename.submit(
      name,
      () => renamePostType({ data: { groupId, postTypeId: type.id, name } }),
      (renamed) => t('postAdmin.types.renamed', { name: renamed.name }),
    )
    if (saved) setEditing(false)
  }

  const onDelete = async () => {
    setRefusal(null)
    try {
      await deletePostType({ data: { groupId, postTypeId: type.id } })
      toast.success(t('postAdmin.types.deleted', { name: type.name }))
      await router.invalidate()
    } catch (failure) {
      // The refusals of a delete name their rule: the type is shared, or someone holds it.
      const reason = failure instanceof PublicError ? failure.reason : undefined
      if (reason === 'in-use') setRefusal(t('postAdmin.types.errors.inUse'))
      else if (reason === 'shared') setRefusal(t('postAdmin.types.errors.shared'))
      else toast.error(t('common.saveFailed'))
    }
  }

  if (editing)
    return (
      <li className="px-3 py-3">
        <form
          ref={formRef}
          noValidate
          onSubmit={onRename}
          className="flex flex-col gap-3 sm:flex-row sm:items-start"
        >
          <PostTypeNameField
            label={t('postAdmin.types.renameLabel', { name: type.name })}
            value={name}
            error={rename.error}
            onChange={setName}
          />
          <div className="flex gap-2 sm:mt-7">
            <Button type="submit" size="sm" loading={rename.pending}>
              {t('common.save')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setEditing(false)
                setName(type.name)
                rename.clearError()
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </li>
    )

  return (
    <li className="flex flex-col gap-2 px-3 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="font-medium text-gray-900">{type.name}</span>
        <span className="text-sm text-gray-600">{t('postAdmin.types.holders', { count: type.holders })}</span>
        <div className="ml-auto flex gap-2">
          <Button
            ref={renameButton}
            size="sm"
            variant="secondary"
            onClick={() => {
              setRefusal(null)
              setEditing(true)
            }}
          >
            <ButtonText text={t('postAdmin.types.rename')} name={type.name} />
          </Button>
          <ConfirmButton
            label={<ButtonText text={t('postAdmin.types.delete')} name={type.name} />}
            question={t('postAdmin.types.deleteQuestion', { name: type.name })}
            confirmLabel={t('postAdmin.types.delete')}
            onConfirm={onDelete}
          />
        </div>
      </div>
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {refusal}
        </p>
      )}
    </li>
  )
}

/** A row button's visible word, named with its post for screen readers ("Törlés: Rendszergazda"). */
function ButtonText({ text, name }: { text: string; name: string }) {
  return (
    <>
      {text}
      <span className="sr-only">: {name}</span>
    </>
  )
}
