import { createFileRoute, Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { buttonClasses, PageHeader } from '~/ui'

export const Route = createFileRoute('/')({ component: Home })

function Home() {
  const t = useT()
  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.intro')} />
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
