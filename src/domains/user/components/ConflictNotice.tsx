import { useRouter } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { Button } from '~/ui'

/**
 * Shown when a save was refused because the record (by default, the profile) changed since the page
 * was loaded; `message` names another record.
 */
export function ConflictNotice({ message }: { message?: string }) {
  const t = useT()
  const router = useRouter()
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <p>{message ?? t('profile.edit.conflict')}</p>
      <div>
        <Button variant="secondary" size="sm" onClick={() => router.invalidate()}>
          {t('profile.edit.reload')}
        </Button>
      </div>
    </div>
  )
}
