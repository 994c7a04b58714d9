import { createFileRoute, Link } from '@tanstack/react-router'
import { SemesterBanner } from '~/domains/semester/components/CurrentSemester'
import { getSemesterState } from '~/domains/semester/semester.functions'
import { useT } from '~/i18n'
import { buttonClasses, PageHeader } from '~/ui'

export const Route = createFileRoute('/')({
  // Everyone, anonymous visitors too, may know the current semester; the home page works without it.
  loader: async () => ({ semester: await getSemesterState().catch(() => null) }),
  component: Home,
})

function Home() {
  const t = useT()
  const { semester } = Route.useLoaderData()
  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.intro')}>
        {semester && <SemesterBanner state={semester} />}
      </PageHeader>
      <div className="flex flex-wrap gap-3">
        <Link to="/groups" className={buttonClasses('primary')}>
          {t('home.browseGroups')}
        </Link>
        <Link to="/groups/tree" className={buttonClasses('secondary')}>
          {t('home.openTree')}
        </Link>
      </div>
    </>
  )
}
