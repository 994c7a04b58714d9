import { Link } from '@tanstack/react-router'
import { initialsOf } from '~/domains/user/default-avatar'
import { useT } from '~/i18n'
import type { PersonHit } from '../search.schema'

function Avatar({ person }: { person: PersonHit }) {
  return (
    // The initials sit under the photo: they show while it loads or if it cannot be loaded (an
    // image with an empty alt that fails to load draws nothing, no broken-image icon).
    <span className="relative inline-flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-full bg-brand-100 font-semibold text-brand-800">
      <span aria-hidden="true">{initialsOf(person.displayName)}</span>
      <img
        src={person.photoUrl}
        alt=""
        width={48}
        height={48}
        loading="lazy"
        decoding="async"
        className="absolute inset-0 size-full object-cover"
      />
    </span>
  )
}

export function PeopleResults({ people }: { people: PersonHit[] }) {
  const t = useT()
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {people.map((person) => (
        <li
          key={person.userId}
          className="flex items-center gap-3 rounded-lg border border-gray-200 bg-white p-3 shadow-sm"
        >
          <Avatar person={person} />
          <div className="min-w-0">
            <Link to="/u/$screenName" params={{ screenName: person.screenName }} className="font-medium">
              {person.displayName}
            </Link>
            <p className="truncate text-sm text-gray-600">
              {person.nickname && <span>„{person.nickname}” · </span>}
              <span>@{person.screenName}</span>
              {person.room && <span> · {t('search.people.room', { room: person.room })}</span>}
            </p>
          </div>
        </li>
      ))}
    </ul>
  )
}
