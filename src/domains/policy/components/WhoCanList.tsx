import { useT } from '~/i18n'
import type { WhoCanView } from '../policy-admin.schema'
import { ExplanationChain } from './ExplanationChain'

export function WhoCanList({ who }: { who: WhoCanView }) {
  const t = useT()
  const rows = [
    ...(who.everyone
      ? [{ key: 'everyone', name: t('policy.check.everyone'), explanation: who.everyone }]
      : []),
    ...(who.loggedIn
      ? [{ key: 'logged-in', name: t('policy.check.loggedIn'), explanation: who.loggedIn }]
      : []),
    ...who.users.map((u) => ({
      key: `user-${u.user.id}`,
      name: `${u.user.name} #${u.user.id}`,
      explanation: u.explanation,
    })),
  ]
  if (rows.length === 0) return <p className="text-sm text-gray-600">{t('policy.check.nobody')}</p>
  return (
    <ul className="flex flex-col divide-y divide-gray-200">
      {rows.map((row) => (
        <li key={row.key} className="flex flex-col gap-2 py-3">
          <p className="font-medium text-gray-900">{row.name}</p>
          <ExplanationChain explanation={row.explanation} />
        </li>
      ))}
    </ul>
  )
}
