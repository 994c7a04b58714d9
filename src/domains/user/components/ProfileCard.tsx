import type { ReactNode } from 'react'
import { useFormat, useT } from '~/i18n'
import { Badge, Card } from '~/ui'
import { PRIVATE_FIELDS, type PrivateField, type ProfileView } from '../profile.schema'
import { UserAvatar } from './UserAvatar'

type Row = { key: string; label: string; value: ReactNode; hidden?: boolean }

/**
 * A profile as the server sent it for this viewer: a sensitive field that is not in the data is not
 * shown at all (the viewer may not see it); for the owner, hidden ones carry a "hidden" badge.
 */
export function ProfileCard({ profile }: { profile: ProfileView }) {
  const t = useT()
  const format = useFormat()
  const isHidden = (field: PrivateField) =>
    profile.privacy !== undefined && !profile.privacy[`${field}Public`]

  const sensitive: Record<PrivateField, ReactNode> = {
    gender: profile.gender && t(`profile.genders.${profile.gender}`),
    dateOfBirth: profile.dateOfBirth && format.formatDate(profile.dateOfBirth, { dateStyle: 'long' }),
    homeAddress: profile.homeAddress,
    email: profile.email && <a href={`mailto:${profile.email}`}>{profile.email}</a>,
    cellPhone: profile.cellPhone && <a href={`tel:${profile.cellPhone}`}>{formatPhone(profile.cellPhone)}</a>,
    webpage: profile.webpage && (
      <a href={profile.webpage} rel="noopener noreferrer nofollow" target="_blank">
        {profile.webpage}
      </a>
    ),
    room: profile.room,
  }
  const rows: Row[] = [
    { key: 'nickname', label: t('profile.fields.nickname'), value: profile.nickname },
    {
      key: 'dormitory',
      label: t('profile.fields.dormitory'),
      value: t(`profile.dormitories.${profile.dormitory}`),
    },
    ...PRIVATE_FIELDS.filter((field) => field in profile).map((field) => ({
      key: field,
      label: t(`profile.fields.${field}`),
      value: sensitive[field],
      hidden: isHidden(field),
    })),
    {
      key: 'studentStatus',
      label: t('profile.fields.studentStatus'),
      value: t(`profile.studentStatuses.${profile.studentStatus}`),
    },
  ]

  return (
    <Card>
      <div className="flex flex-col gap-6 sm:flex-row">
        <UserAvatar
          userId={profile.id}
          name={t('profile.page.photoAlt', { name: profile.displayName })}
          size="xl"
          className="shrink-0 self-center sm:self-start"
        />
        <dl className="grid flex-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr] sm:gap-y-3">
          {rows.map((row) => (
            <div key={row.key} className="contents">
              <dt className="text-sm font-medium text-gray-600">{row.label}</dt>
              <dd className="mb-2 flex flex-wrap items-center gap-2 break-words sm:mb-0">
                {row.value || t('profile.page.notGiven')}
                {row.hidden && (
                  <Badge tone="neutral" title={t('profile.page.hiddenHint')}>
                    {t('profile.page.hiddenBadge')}
                  </Badge>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  )
}

/** "+36301234567" → "+36 30 123 4567" for reading; other countries stay as stored. */
function formatPhone(phone: string): string {
  const hungarian = /^\+36(1|\d{2})(\d{3})(\d{3,4})$/.exec(phone)
  return hungarian ? `+36 ${hungarian[1]} ${hungarian[2]} ${hungarian[3]}` : phone
}
