// Groups and users picked by name: the search box's own server functions, offered in a combobox.
import { searchGroups, searchPeople } from '~/domains/search/search.functions'
import { type GroupHit, SEARCH_QUERY_MAX } from '~/domains/search/search.schema'
import { type TFunction, useT } from '~/i18n'
import { Combobox, type ComboboxOption, type ComboboxProps } from '~/ui'

const line = (parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' · ')

/** A group as an option: its kind, whether it is archived and its id tell namesakes apart. */
export function groupOption(
  t: TFunction,
  group: Pick<GroupHit, 'id' | 'name' | 'purpose' | 'archived'>,
): ComboboxOption {
  return {
    id: group.id,
    label: group.name,
    description: line([
      t(`group.purposes.${group.purpose}`),
      group.archived && t('group.page.archived'),
      `#${group.id}`,
    ]),
  }
}

/** A user as an option: nickname, screen name, room (when the viewer sees it) and id. */
export function userOption(
  t: TFunction,
  user: {
    id: number
    displayName: string
    screenName: string
    nickname?: string | null
    room?: string | null
  },
): ComboboxOption {
  return {
    id: user.id,
    label: user.displayName,
    description: line([
      user.nickname && `„${user.nickname}”`,
      `@${user.screenName}`,
      user.room && t('search.people.room', { room: user.room }),
      `#${user.id}`,
    ]),
  }
}

export type PickerProps = Omit<ComboboxProps, 'search' | 'maxLength'>
export type PickerKind = 'group' | 'user'

/** How each kind is searched: the search box's own server functions (people need `user:view-basic`). */
const FINDERS = {
  group: {
    placeholder: 'policy.picker.groupPlaceholder',
    find: async (t: TFunction, q: string) =>
      (await searchGroups({ data: { q } })).groups.hits.map((g) => groupOption(t, g)),
  },
  user: {
    placeholder: 'policy.picker.userPlaceholder',
    find: async (t: TFunction, q: string) =>
      (await searchPeople({ data: { q } })).hits.map((p) => userOption(t, { ...p, id: p.userId })),
  },
} as const

/** A group or a user picked by name; a form whose target kind changes starts the picker over. */
export function TargetPicker({ kind, ...props }: PickerProps & { kind: PickerKind }) {
  const t = useT()
  const finder = FINDERS[kind]
  return (
    <Combobox
      key={kind}
      placeholder={t(finder.placeholder)}
      {...props}
      maxLength={SEARCH_QUERY_MAX}
      search={(q) => finder.find(t, q)}
    />
  )
}

export const GroupPicker = (props: PickerProps) => <TargetPicker kind="group" {...props} />
export const UserPicker = (props: PickerProps) => <TargetPicker kind="user" {...props} />
