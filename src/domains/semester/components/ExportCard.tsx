import { useId } from 'react'
import { useT } from '~/i18n'
import { Card } from '~/ui'
import type { SemesterState } from '../semester.schema'
import { ExportButton, type ExportKind } from './ExportButton'
import { periodName } from './semester-text'

const KINDS: readonly ExportKind[] = ['communityPoints', 'coloredCards', 'activeUsers']

/** The council's CSV exports (PRODUCT.md: quiet period only); outside QUIET the buttons say why not. */
export function ExportCard({ state }: { state: Pick<SemesterState, 'period'> }) {
  const t = useT()
  const noteId = useId()
  const quiet = state.period === 'QUIET'
  return (
    <Card title={t('semester.exports.title')} headingLevel={2}>
      <p className="text-sm text-gray-600">{t('semester.exports.description')}</p>
      {!quiet && (
        <p id={noteId} className="mt-3 text-sm font-medium text-amber-900">
          {t('semester.exports.quietOnly', { period: periodName(t, state.period) })}
        </p>
      )}
      <ul className="mt-4 flex flex-col gap-3" data-testid="exports">
        {KINDS.map((kind) => (
          <ExportButton key={kind} kind={kind} disabled={!quiet} describedBy={quiet ? undefined : noteId} />
        ))}
      </ul>
    </Card>
  )
}
