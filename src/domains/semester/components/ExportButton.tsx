import { useId, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Button, useToast } from '~/ui'

export type ExportKind = 'communityPoints' | 'coloredCards' | 'activeUsers'

/** The plain routes under src/routes/api/exports/ that serve each CSV. */
const PATHS: Record<ExportKind, string> = {
  communityPoints: '/api/exports/community-points',
  coloredCards: '/api/exports/colored-cards',
  activeUsers: '/api/exports/active-users',
}

type Progress = { received: number; total: number | null }
type Failure = 'notQuiet' | 'loggedOut' | 'forbidden' | 'failed'

/** Why an export answered with an error (`{ error: { status, … } }`, or none when it never came). */
function failureOf(status: number | null): Failure {
  // The export routes' only 409 is the period rule (ExportPeriodError, reason `not-quiet`).
  if (status === 409) return 'notQuiet'
  if (status === 401) return 'loggedOut'
  if (status === 403) return 'forbidden'
  return 'failed'
}

/** `attachment; filename="pek-….csv"` → the name; ASCII only, as the server writes it. */
function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? ''
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback
}

/** Reads the body chunk by chunk, reporting each; the server sends Content-Length (ADR 0016). */
async function readBody(response: Response, onProgress: (progress: Progress) => void): Promise<Blob> {
  const length = Number(response.headers.get('content-length'))
  const total = Number.isFinite(length) && length > 0 ? length : null
  const type = response.headers.get('content-type') ?? 'text/csv; charset=utf-8'
  const reader = response.body?.getReader()
  if (!reader) return new Blob([await response.arrayBuffer()], { type })
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    onProgress({ received, total })
  }
  return new Blob(chunks, { type })
}

/** Hands the file to the browser under the server's name, through a short-lived object URL. */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled: the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * One CSV export: fetched with progress (a bar while the bytes arrive), then saved under the server's
 * filename. A refusal is said in words under the button; `disabled` (outside QUIET) points at the
 * card's explanation through `describedBy`.
 */
export function ExportButton({
  kind,
  disabled,
  describedBy,
}: {
  kind: ExportKind
  disabled: boolean
  describedBy?: string
}) {
  const t = useT()
  const format = useFormat()
  const toast = useToast()
  const statusId = useId()
  const [progress, setProgress] = useState<Progress | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const name = t(`semester.exports.kinds.${kind}`)

  async function download() {
    setFailure(null)
    setProgress({ received: 0, total: null })
    try {
      const response = await fetch(PATHS[kind], { credentials: 'same-origin', cache: 'no-store' })
      if (!response.ok) {
        setFailure(failureOf(response.status))
        return
      }
      const filename = filenameOf(response, `${PATHS[kind].split('/').pop()}.csv`)
      save(await readBody(response, setProgress), filename)
      toast.success(t('semester.exports.done', { filename }))
    } catch {
      setFailure('failed')
    } finally {
      setProgress(null)
    }
  }

  const kb = (bytes: number) => format.formatNumber(Math.ceil(bytes / 1024))
  const failureText =
    failure &&
    {
      notQuiet: t('semester.exports.notQuiet'),
      loggedOut: t('semester.exports.loggedOut'),
      forbidden: t('semester.forbidden.message'),
      failed: t('semester.exports.failed', { name }),
    }[failure]
  const describedByIds = [describedBy, failureText ? statusId : undefined].filter(Boolean).join(' ')

  return (
    <li className="flex flex-col gap-2">
      <Button
        variant="secondary"
        className="w-full justify-start sm:w-auto sm:self-start"
        onClick={download}
        loading={progress !== null}
        disabled={disabled}
        aria-describedby={describedByIds || undefined}
      >
        {name}
      </Button>
      {progress && (
        <div className="flex items-center gap-3 text-sm text-gray-700">
          <progress
            className="h-2 w-full max-w-64 accent-brand-700"
            aria-label={t('semester.exports.progress', { name })}
            max={progress.total ?? undefined}
            value={progress.total ? Math.min(progress.received, progress.total) : undefined}
          />
          <span className="tabular-nums whitespace-nowrap">
            {progress.total
              ? t('semester.exports.received', { received: kb(progress.received), total: kb(progress.total) })
              : t('semester.exports.receivedUnknown', { received: kb(progress.received) })}
          </span>
        </div>
      )}
      {failureText && (
        <p id={statusId} role="alert" className="text-sm text-red-800">
          {failureText}
        </p>
      )}
    </li>
  )
}
