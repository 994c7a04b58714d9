import { createFileRoute, Link } from '@tanstack/react-router'
import { EvaluationStatusCard } from '~/domains/evaluation/components/EvaluationStatusCard'
import { editAccess } from '~/domains/evaluation/components/evaluation-access'
import { JudgementCard } from '~/domains/evaluation/components/JudgementCard'
import { MessageThread } from '~/domains/evaluation/components/MessageThread'
import { PointTable } from '~/domains/evaluation/components/PointTable'
import { PrinciplesCard } from '~/domains/evaluation/components/PrinciplesCard'
import { ReportCard } from '~/domains/evaluation/components/ReportCard'
import { getEvaluation, getEvaluationMessages } from '~/domains/evaluation/evaluation.functions'
import { EvaluationView } from '~/domains/evaluation/evaluation.schema'
import { readGroup } from '~/domains/group/group.functions'
import { semesterName } from '~/domains/semester/components/semester-text'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { readJson } from '~/shared/json-wire'
import { statusOf } from '~/shared/public-error'
import { orNotFound } from '~/shared/route-errors'
import { buttonClasses, ErrorState, PageHeader } from '~/ui'

/** The evaluation, or null when the server refuses it (403): the page then says who may see it. */
async function evaluationOrDenied(call: ReturnType<typeof getEvaluation>) {
  try {
    return await readJson(call, EvaluationView)
  } catch (error) {
    if (statusOf(error) === 403) return null
    throw error
  }
}

export const Route = createFileRoute('/groups/$groupId/evaluation')({
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  loader: async ({ params }) => {
    const input = { data: { groupId: params.groupId } }
    const [group, evaluation] = await Promise.all([
      orNotFound(readGroup(input)),
      // The current semester's evaluation: the first visit creates it.
      evaluationOrDenied(getEvaluation({ data: { groupId: Number(params.groupId) } })),
    ])
    // The thread with the reviewers: whoever sees the evaluation reads it (the same scope).
    const messages = evaluation
      ? await getEvaluationMessages({ data: { groupId: evaluation.groupId, evaluationId: evaluation.id } })
      : []
    // A new stamp per load: the table's optimistic state starts again from what the server answered.
    return { group, evaluation, messages, loadedAt: Date.now() }
  },
  head: ({ loaderData, match }) => ({
    meta: loaderData
      ? [
          {
            title: `${translate(match.context.locale, 'evaluation.title', { group: loaderData.group.name })} – PéK`,
          },
        ]
      : [],
  }),
  component: GroupEvaluationPage,
})

function GroupEvaluationPage() {
  const t = useT()
  const { group, evaluation, messages, loadedAt } = Route.useLoaderData()
  const back = (
    <Link to="/groups/$groupId" params={{ groupId: String(group.id) }}>
      ← {t('evaluation.back', { group: group.name })}
    </Link>
  )
  if (!evaluation)
    return (
      <>
        <PageHeader title={t('evaluation.title', { group: group.name })} eyebrow={back} />
        <ErrorState
          status={403}
          message={t('evaluation.forbidden')}
          actions={
            <Link
              to="/groups/$groupId"
              params={{ groupId: String(group.id) }}
              className={buttonClasses('secondary')}
            >
              {t('evaluation.back', { group: group.name })}
            </Link>
          }
        />
      </>
    )
  const access = editAccess(evaluation)
  return (
    <>
      <PageHeader
        title={t('evaluation.title', { group: group.name })}
        description={t('evaluation.description', { semester: semesterName(t, evaluation.semester) })}
        eyebrow={back}
      />
      <div className="flex flex-col gap-6">
        <EvaluationStatusCard view={evaluation} editing={access.points !== null || access.entries !== null} />
        <JudgementCard key={`judgement-${loadedAt}`} view={evaluation} />
        <PrinciplesCard view={evaluation} editable={access.principles} />
        {/* A plain block: the table's own region is named by the same title (its hidden caption). */}
        <section className="flex flex-col gap-3" aria-labelledby="point-table-title">
          <div>
            <h2 id="point-table-title" className="text-lg font-semibold text-gray-900">
              {t('evaluation.table.title')}
            </h2>
            <p className="text-sm text-gray-600">{t('evaluation.table.description')}</p>
          </div>
          {evaluation.principles.length === 0 && (
            <p className="text-sm text-gray-700">{t('evaluation.table.noPrinciples')}</p>
          )}
          <PointTable key={loadedAt} view={evaluation} pointMode={access.points} entryMode={access.entries} />
        </section>
        <ReportCard view={evaluation} />
        <MessageThread groupId={evaluation.groupId} evaluationId={evaluation.id} messages={messages} />
      </div>
    </>
  )
}
