import { Link } from '@tanstack/react-router'
import { useFormat, useT } from '~/i18n'
import { buttonClasses, EmptyState, Table, TBody, Td, THead, Th, Tr } from '~/ui'
import type { AuditPage } from '../policy-admin.schema'

/** The audit log, newest first; before and after are kept as stored, folded away until asked for. */
export function AuditList({ audit }: { audit: AuditPage }) {
  const t = useT()
  const { formatDate } = useFormat()
  if (audit.total === 0) return <EmptyState title={t('policy.audit.empty')} />
  const pages = Math.max(1, Math.ceil(audit.total / audit.pageSize))
  return (
    <div className="flex flex-col gap-4">
      <Table caption={t('policy.audit.title')} captionHidden>
        <THead>
          <Tr>
            <Th>{t('policy.audit.at')}</Th>
            <Th>{t('policy.audit.actor')}</Th>
            <Th>{t('policy.audit.action')}</Th>
            <Th>{t('policy.audit.entity')}</Th>
            <Th>{t('policy.audit.change')}</Th>
          </Tr>
        </THead>
        <TBody>
          {audit.entries.map((e) => (
            <Tr key={e.id}>
              <Td className="whitespace-nowrap">
                {formatDate(e.at, { dateStyle: 'short', timeStyle: 'medium' })}
              </Td>
              <Td>{e.actor?.name ?? t('policy.audit.system')}</Td>
              <Td className="font-mono text-sm">{e.action}</Td>
              <Td className="whitespace-nowrap">
                {e.entity} #{e.entityId}
              </Td>
              <Td>
                <details>
                  <summary className="cursor-pointer text-sm">{t('policy.audit.change')}</summary>
                  <pre className="mt-2 max-w-md overflow-x-auto text-xs">
                    {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                  </pre>
                </details>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <nav className="flex flex-wrap items-center justify-between gap-3" aria-label={t('policy.audit.title')}>
        {audit.page > 1 ? (
          <Link
            to="/admin/policies/audit"
            search={{ page: audit.page - 1 }}
            className={buttonClasses('secondary', 'sm')}
          >
            {t('policy.audit.previous')}
          </Link>
        ) : (
          <span />
        )}
        <span className="text-sm text-gray-600">{t('policy.audit.page', { page: audit.page, pages })}</span>
        {audit.page < pages ? (
          <Link
            to="/admin/policies/audit"
            search={{ page: audit.page + 1 }}
            className={buttonClasses('secondary', 'sm')}
          >
            {t('policy.audit.next')}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  )
}
