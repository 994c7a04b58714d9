import { type FormEvent, useMemo, useState } from 'react'
import { useAction } from '~/domains/membership/components/use-action'
import { useT } from '~/i18n'
import { Button, Card, Select } from '~/ui'
import { moveGroup } from '../group.functions'
import type { GroupSummary } from '../group.schema'

const TOP = ''

/** Every group except this one and those below it: a move there would close a cycle. */
function possibleParents(groups: readonly GroupSummary[], groupId: number): GroupSummary[] {
  const below = new Set([groupId])
  let grew = true
  while (grew) {
    grew = false
    for (const g of groups)
      if (g.parent && below.has(g.parent.id) && !below.has(g.id)) {
        below.add(g.id)
        grew = true
      }
  }
  return groups.filter((g) => !below.has(g.id))
}

/**
 * Moves the group under another parent. Only whoever may shape the tree (the RVT leader) may, and
 * the page has no flag for it: the form is offered to the group's editors and the server decides,
 * its 403 said in words beside the form.
 */
export function GroupMoveForm({
  group,
  groups,
}: {
  group: { id: number; parent: { id: number; name: string } | null }
  groups: readonly GroupSummary[]
}) {
  const t = useT()
  const { run, pending, failure } = useAction()
  const current = group.parent ? String(group.parent.id) : TOP
  const [parent, setParent] = useState(current)
  const options = useMemo(
    () => [
      { value: TOP, label: t('groupAdmin.move.topLevel') },
      ...possibleParents(groups, group.id).map((g) => ({
        value: String(g.id),
        label: g.id === group.parent?.id ? t('groupAdmin.move.current', { name: g.name }) : g.name,
        disabled: g.archived,
      })),
    ],
    [groups, group, t],
  )

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const parentId = parent === TOP ? null : Number(parent)
    void run(() => moveGroup({ data: { groupId: group.id, parentId } }), {
      done: t('groupAdmin.move.moved'),
      forbidden: t('groupAdmin.move.forbidden'),
    })
  }

  return (
    <Card title={t('groupAdmin.move.title')} headingLevel={2}>
      <form onSubmit={onSubmit} aria-label={t('groupAdmin.move.title')} className="flex flex-col gap-4">
        <p className="text-sm text-gray-600">{t('groupAdmin.move.description')}</p>
        <Select
          label={t('groupAdmin.move.parent')}
          options={options}
          value={parent}
          onChange={(e) => setParent(e.target.value)}
        />
        {failure && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {failure}
          </p>
        )}
        <div>
          <Button type="submit" variant="secondary" loading={pending} disabled={parent === current}>
            {t('groupAdmin.move.submit')}
          </Button>
        </div>
      </form>
    </Card>
  )
}
