import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { z } from 'zod'
import { HistoryMemberTable } from '~/domains/evaluation/components/HistoryMemberTable'
import { getGroupHistory } from '~/domains/evaluation/history.functions'
import type { GroupHistory } from '~/domains/evaluation/history.schema'
import { readGroup } from '~/domains/group/group.functions'
import { semesterName } from '~/domains/semester/components/semester-text'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { statusOf } from '~/shared/public-error'
import { orNotFound } from '~/shared/route-errors'
import { Button, buttonClasses, Card, EmptyState, ErrorState, PageHeader, Select } from '~/ui'

// Optional: the bare URL shows the newest semester with an accepted result.
const Search = z.object({ semester: z.string().max(20).optional().catch(undefined) })

type Loaded = { history: GroupHistory } | { refused: 403 | 404 }

/** The history, or why the server refused it: 403 (who may see it) or 404 (no accepted result then). */
async function historyOrRefusal(call: Promise<GroupHistory>): Promise<Loaded> {
  try {
    return { history: await call }
  } catch (error) {
    const status = statusOf(error)
    if (status === 403 || status === 404) return { refused: status }
    throw error
  }
}

export const Route = createFileRoute('/groups/$groupId/history')({
  validateSearch: Search,
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  loaderDeps: ({ search }) => ({ semester: search.semester }),
  loader: async ({ params, deps }) => {
    const [group, loaded] = await Promise.all([
      orNotFound(readGroup({ data: { groupId: params.groupId } })),
      historyOrRefusal(
        getGroupHistory({
          data: { groupId: Number(params.groupId), ...(deps.semester ? { semester: deps.semester } : {}) },
        }),
      ),
    ])
    return { group, loaded }
  },
  head: ({ loaderData, match }) => ({
    meta: loaderData
      ? [
          {
            title: `${translate(match.context.locale, 'history.group.title', { group: loaderData.group.name })} – PéK`,
          },
        ]
      : [],
  }),
  component: GroupHistoryPage,
})

function GroupHistoryPage() {
  const t = useT()
  const { group, loaded } = Route.useLoaderData()
  const groupId = String(group.id)
  const back = (
    <Link to="/groups/$groupId" params={{ groupId }}>
      ← {t('history.group.back', { group: group.name })}
    </Link>
  )
  const header = (
    <PageHeader
      title={t('history.group.title', { group: group.name })}
      description={t('history.group.description')}
      eyebrow={back}
    />
  )
  if ('refused' in loaded)
    return (
      <>
        {header}
        <ErrorState
          status={loaded.refused}
          message={t(loaded.refused === 403 ? 'history.group.forbidden' : 'history.group.notFound')}
          actions={
            loaded.refused === 404 ? (
              <Link to="/groups/$groupId/history" params={{ groupId }} className={buttonClasses('secondary')}>
                {t('history.group.title', { group: group.name })}
              </Link>
            ) : (
              <Link to="/groups/$groupId" params={{ groupId }} className={buttonClasses('secondary')}>
                {t('history.group.back', { group: group.name })}
              </Link>
            )
          }
        />
      </>
    )
  const { history } = loaded
  if (history.semester === null)
    return (
      <>
        {header}
        <EmptyState title={t('history.group.empty')} description={t('history.group.emptyDescription')} />
      </>
    )
  return (
    <>
      {header}
      <div className="flex flex-col gap-4">
        <SemesterPicker key={history.semester} semesters={history.semesters} current={history.semester} />
        {!history.pointsAccepted && (
          <p className="text-sm text-gray-700">{t('history.group.pointsNotAccepted')}</p>
        )}
        {!history.entriesAccepted && (
          <p className="text-sm text-gray-700">{t('history.group.entriesNotAccepted')}</p>
        )}
        <HistoryMemberTable history={history} semester={history.semester} />
      </div>
    </>
  )
}

/**
 * The semesters with an accepted result. A form with a button rather than a select that navigates on
 * change: keyboard users step through the options without leaving the page at each one.
 */
function SemesterPicker({ semesters, current }: { semesters: string[]; current: string }) {
  const t = useT()
  const navigate = useNavigate({ from: Route.fullPath })
  const [chosen, setChosen] = useState(current)
  const show = (event: FormEvent) => {
    event.preventDefault()
    void navigate({ search: { semester: chosen } })
  }
  return (
    <Card>
      <form
        onSubmit={show}
        aria-label={t('history.group.semester')}
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
      >
        <div className="sm:w-64">
          <Select
            label={t('history.group.semester')}
            name="semester"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            options={semesters.map((id) => ({ value: id, label: semesterName(t, id) }))}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('history.group.show')}
        </Button>
      </form>
    </Card>
  )
}
