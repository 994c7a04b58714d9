import { useNavigate } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { useToast } from '~/ui'
import { GroupForm, type GroupFormProps } from './GroupForm'
import { groupFormValues } from './group-form-values'

/** A new group's form: empty fields, then the new group's page once it exists. */
export function NewGroupForm({
  title,
  send,
  refusalOf,
}: Pick<GroupFormProps, 'title' | 'send' | 'refusalOf'>) {
  const t = useT()
  const toast = useToast()
  const navigate = useNavigate()
  return (
    <GroupForm
      title={title}
      initial={groupFormValues()}
      submitLabel={t('groupAdmin.create.submit')}
      send={send}
      refusalOf={refusalOf}
      onSaved={(created) => {
        toast.success(t('groupAdmin.create.created', { name: created.name }))
        void navigate({ to: '/groups/$groupId', params: { groupId: String(created.id) } })
      }}
    />
  )
}
