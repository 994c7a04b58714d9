import { useT } from '~/i18n'
import { type CellSave, CellSaveMark } from '~/ui'

/** The saving / saved / failed mark of a point cell or an entry card, in the evaluation's words. */
export function SaveMark<V>({ state }: { state: CellSave<V> | undefined }) {
  const t = useT()
  return (
    <CellSaveMark
      state={state}
      labels={{
        saving: t('evaluation.table.saving'),
        saved: t('evaluation.table.saved'),
        failed: t('evaluation.table.failed'),
      }}
    />
  )
}
