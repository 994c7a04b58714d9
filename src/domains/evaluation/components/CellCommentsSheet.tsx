import { type FormEvent, useEffect, useState } from 'react'
import { useT } from '~/i18n'
import { Button, ErrorState, LoadingState, Sheet, TextArea } from '~/ui'
import { getCellComments, postCellComment } from '../evaluation.functions'
import { BODY_MAX_LENGTH, type MessageView } from '../evaluation.schema'
import { fieldCodes, refusalMessage } from './evaluation-access'
import { ThreadMessage } from './ThreadMessage'

/** The cell whose thread is open: the refs the server needs and its name for the panel's title. */
export type CommentedCell = {
  groupId: number
  evaluationId: number
  principleId: number
  membershipId: number
  label: string
}

/**
 * A point cell's comment thread in a side panel (a native modal dialog: focus moves in, Escape or ✕
 * closes it and focus returns to the cell's button). Anyone who sees the evaluation reads and writes
 * it (ADR 0015). The thread is fetched when it opens; a new comment joins the list without a reload
 * of the page, so the table keeps what is being typed in it. `onCount` (stable: it is an effect's
 * dependency) tells the table the thread's size as the server answered it.
 */
export function CellCommentsSheet({
  cell,
  onClose,
  onCount,
}: {
  cell: CommentedCell | null
  onClose: () => void
  onCount: (cell: CommentedCell, count: number) => void
}) {
  const t = useT()
  return (
    <Sheet
      open={cell !== null}
      onClose={onClose}
      className="sm:w-96"
      title={
        <>
          {t('evaluation.comments.title')}{' '}
          {cell && <span className="block text-sm font-normal text-gray-700">{cell.label}</span>}
        </>
      }
    >
      {cell && <CellThread key={`${cell.membershipId}:${cell.principleId}`} cell={cell} onCount={onCount} />}
    </Sheet>
  )
}

type Loaded = { comments: MessageView[] } | { failed: true } | null

const refsOf = ({ label: _label, ...refs }: CommentedCell) => refs

function CellThread({
  cell,
  onCount,
}: {
  cell: CommentedCell
  onCount: (cell: CommentedCell, count: number) => void
}) {
  const t = useT()
  const [loaded, setLoaded] = useState<Loaded>(null)
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: a retry bumps `attempt` to fetch again
  useEffect(() => {
    let current = true
    setLoaded(null)
    getCellComments({ data: refsOf(cell) }).then(
      (comments) => {
        if (!current) return
        setLoaded({ comments })
        onCount(cell, comments.length)
      },
      () => current && setLoaded({ failed: true }),
    )
    return () => {
      current = false
    }
  }, [cell, onCount, attempt])

  function added(comment: MessageView) {
    const comments = [...(loaded && 'comments' in loaded ? loaded.comments : []), comment]
    setLoaded({ comments })
    onCount(cell, comments.length)
  }

  return (
    <div className="flex flex-col gap-4">
      {loaded === null ? (
        <LoadingState label={t('evaluation.comments.loading')} className="py-4" />
      ) : 'failed' in loaded ? (
        <ErrorState
          message={t('evaluation.comments.loadFailed')}
          headingLevel={3}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      ) : loaded.comments.length === 0 ? (
        <p className="text-sm text-gray-700">{t('evaluation.comments.empty')}</p>
      ) : (
        <ol aria-label={t('evaluation.comments.list')} className="flex flex-col gap-3">
          {loaded.comments.map((c) => (
            <ThreadMessage key={c.id} message={c} />
          ))}
        </ol>
      )}
      <CommentForm cell={cell} onAdded={added} />
    </div>
  )
}

function CommentForm({ cell, onAdded }: { cell: CommentedCell; onAdded: (comment: MessageView) => void }) {
  const t = useT()
  const [body, setBody] = useState('')
  const [pending, setPending] = useState(false)
  const [bodyCode, setBodyCode] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [sent, setSent] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSent(false)
    setRefusal(null)
    setBodyCode(body.trim() ? null : 'required')
    if (!body.trim()) return
    setPending(true)
    try {
      onAdded(await postCellComment({ data: { ...refsOf(cell), body } }))
      setBody('')
      setSent(true)
    } catch (error) {
      const code = fieldCodes(error, 'body')[0]
      if (code) setBodyCode(code)
      else setRefusal(refusalMessage(t, error) ?? t('common.saveFailed'))
    } finally {
      setPending(false)
    }
  }

  return (
    <form
      aria-label={t('evaluation.comments.body')}
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 border-t border-gray-200 pt-4"
    >
      <TextArea
        label={t('evaluation.comments.body')}
        rows={3}
        value={body}
        maxLength={BODY_MAX_LENGTH}
        onChange={(event) => setBody(event.target.value)}
        error={
          bodyCode
            ? bodyCode === 'tooLong'
              ? t('evaluation.comments.errors.tooLong', { max: BODY_MAX_LENGTH })
              : t('evaluation.comments.errors.required')
            : undefined
        }
      />
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {refusal}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={pending}>
          {t('evaluation.comments.send')}
        </Button>
        <p role="status" className="text-sm text-gray-700">
          {sent ? t('evaluation.comments.sent') : ''}
        </p>
      </div>
    </form>
  )
}
