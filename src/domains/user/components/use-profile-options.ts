import { AccountProtocol, Dormitory, Gender, StudentStatus } from '~/generated/prisma/enums'
import { useT } from '~/i18n'
import type { SelectOption } from '~/ui'

/** The translated choices of the profile's fixed lists, in the schema's order. */
export function useProfileOptions() {
  const t = useT()
  return {
    dormitories: Object.values(Dormitory).map(
      (value): SelectOption => ({ value, label: t(`profile.dormitories.${value}`) }),
    ),
    genders: Object.values(Gender).map(
      (value): SelectOption => ({ value, label: t(`profile.genders.${value}`) }),
    ),
    studentStatuses: Object.values(StudentStatus).map(
      (value): SelectOption => ({ value, label: t(`profile.studentStatuses.${value}`) }),
    ),
    protocols: Object.values(AccountProtocol).map(
      (value): SelectOption => ({ value, label: t(`profile.protocols.${value}`) }),
    ),
  }
}
