// The group form's values as the inputs hold them (text), and the GroupFields the server takes.
import type { GroupDetail } from '../group.schema'
import type { GroupFields } from '../group-management.schema'

export type GroupFormValues = {
  name: string
  shortDescription: string
  purpose: GroupFields['purpose']
  /** Typed text: empty is "not given", anything else must be a year. */
  foundedYear: string
  webpage: string
  mailingList: string
  acceptsApplications: boolean
  showArchivedMembers: boolean
}

/** A group's data as the form starts with it; without a group, a new one's defaults. */
export function groupFormValues(group?: GroupDetail): GroupFormValues {
  return {
    name: group?.name ?? '',
    shortDescription: group?.shortDescription ?? '',
    purpose: group?.purpose ?? 'CIRCLE',
    foundedYear: group?.foundedYear ? String(group.foundedYear) : '',
    webpage: group?.webpage ?? '',
    mailingList: group?.mailingList ?? '',
    acceptsApplications: group?.acceptsApplications ?? true,
    showArchivedMembers: group?.showArchivedMembers ?? false,
  }
}

/** Empty texts stay strings (the schema makes them null); a year that is not a number stays invalid (NaN). */
export function toGroupFields(values: GroupFormValues): GroupFields {
  const year = values.foundedYear.trim()
  return { ...values, foundedYear: year === '' ? null : Number(year) }
}
