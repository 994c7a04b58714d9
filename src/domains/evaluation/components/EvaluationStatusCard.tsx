import { useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { periodName, semesterName } from '~/domains/semester/components/semester-text'
import { useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { Badge, type BadgeTone, Button, Card, useToast } from '~/ui'
import { cancelEvaluationRequest, submitEvaluationRequest } from '../evaluation.functions'
import type { EvaluationView, RequestKind } from '../evaluation.schema'
import { refusalMessage, requestActions } from './evaluation-access'

/** A request status's badge tone (the reviewers' list uses the same). */
export const REQUEST_TONE: Record<EvaluationView['pointStatus'], BadgeTone> = {
  NOT_SUBMITTED: 'neutral',
  PENDING: 'warning',
  ACCEPTED: 'success',
  REJECTED: 'danger',
}

/**
 * The evaluation's semester and period, the point and entry requests' statuses, and submit or
 * cancel where the rules allow them now (the server decides again; its refusal shows here).
 */
export function EvaluationStatusCard({ view, editing }: { view: EvaluationView; editing: boolean }) {
  const t = useT()
  return (
    <Card title={t('evaluation.status.title')}>
      <div className="flex flex-col gap-4">
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-gray-600">{t('evaluation.status.semester')}</dt>
            <dd className="font-medium text-gray-900">{semesterName(t, view.semester)}</dd>
          </div>
          <div>
            <dt className="text-gray-600">{t('evaluation.status.period')}</dt>
            <dd className="font-medium text-gray-900" data-testid="evaluation-period">
              {periodName(t, view.period)}
            </dd>
          </div>
          <RequestStatus view={view} request="points" />
          <RequestStatus view={view} request="entries" />
        </dl>
        <p className="text-sm text-gray-700">
          {editing ? t('evaluation.status.editing') : t('evaluation.status.readOnly')}
        </p>
      </div>
    </Card>
  )
}

function RequestStatus({ view, request }: { view: EvaluationView; request: RequestKind }) {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const status = request === 'points' ? view.pointStatus : view.entryStatus
  const name = t(`evaluation.status.${request}`)
  const actions = requestActions(view, request)

  async function change(kind: 'submit' | 'cancel') {
    setPending(true)
    setRefusal(null)
    const data = { groupId: view.groupId, evaluationId: view.id, request }
    try {
      await (kind === 'submit' ? submitEvaluationRequest({ data }) : cancelEvaluationRequest({ data }))
      toast.success(
        t(kind === 'submit' ? 'evaluation.status.submitted' : 'evaluation.status.cancelled', {
          request: name,
        }),
      )
      await router.invalidate()
    } catch (error) {
      const message = inWords(error)
      setRefusal(message)
      toast.error(message)
    } finally {
      setPending(false)
    }
  }

  function inWords(error: unknown): string {
    // The members whose KB or ÁB card lacks a justification, by name.
    const members = error instanceof PublicError ? error.fields?.members : undefined
    if (error instanceof PublicError && error.reason === 'justification-missing' && members?.length) {
      const names = view.rows
        .filter((r) => members.includes(String(r.membershipId)))
        .map((r) => r.displayName)
      return t('evaluation.status.missingJustification', { names: names.join(', ') })
    }
    return refusalMessage(t, error) ?? t('common.saveFailed')
  }

  return (
    <div className="flex flex-col gap-1">
      <dt className="text-gray-600">{name}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <Badge tone={REQUEST_TONE[status]}>
          <span data-testid={`${request}-status`}>{t(`evaluation.requestStatuses.${status}`)}</span>
        </Badge>
        {actions.submit && (
          <Button
            size="sm"
            loading={pending}
            aria-label={t('evaluation.status.submitLabel', { request: name })}
            onClick={() => change('submit')}
          >
            {t('evaluation.status.submit')}
          </Button>
        )}
        {actions.cancel && (
          <Button
            size="sm"
            variant="secondary"
            loading={pending}
            aria-label={t('evaluation.status.cancelLabel', { request: name })}
            onClick={() => change('cancel')}
          >
            {t('evaluation.status.cancel')}
          </Button>
        )}
      </dd>
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {refusal}
        </p>
      )}
    </div>
  )
}
