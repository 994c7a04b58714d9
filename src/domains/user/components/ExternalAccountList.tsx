import { useT } from '~/i18n'
import { Card } from '~/ui'
import type { ExternalAccountView } from '../profile.schema'

export function ExternalAccountList({ accounts }: { accounts: ExternalAccountView[] }) {
  const t = useT()
  return (
    <Card title={t('profile.accounts.title')} headingLevel={2}>
      {accounts.length === 0 ? (
        <p className="text-sm text-gray-600">{t('profile.accounts.none')}</p>
      ) : (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {accounts.map((account) => (
            <div key={account.id} className="contents">
              <dt className="text-sm font-medium text-gray-600">
                {t(`profile.protocols.${account.protocol}`)}
              </dt>
              <dd className="break-words">{account.accountName}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  )
}
