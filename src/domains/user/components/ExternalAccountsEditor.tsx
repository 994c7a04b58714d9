import { type FormEvent, useState } from 'react'
import type { AccountProtocol } from '~/generated/prisma/enums'
import { useT } from '~/i18n'
import { Button, Card, Select, TextField, useToast } from '~/ui'
import {
  addExternalAccount,
  removeExternalAccount,
  updateExternalAccount,
} from '../external-account.functions'
import { ExternalAccountFields } from '../external-account.schema'
import type { ExternalAccountView } from '../profile.schema'
import { useProfileOptions } from './use-profile-options'
import { useValidatedSubmit } from './use-validated-submit'

type Fields = { protocol: AccountProtocol; accountName: string }

/** Add, edit and remove the owner's external accounts; each row saves on its own. */
export function ExternalAccountsEditor({
  userId,
  accounts,
}: {
  userId: number
  accounts: ExternalAccountView[]
}) {
  const t = useT()
  const toast = useToast()
  const [list, setList] = useState(accounts)
  const changed = (message: string) => (next: ExternalAccountView[]) => {
    setList(next)
    toast.success(message)
  }

  return (
    <Card title={t('profile.accounts.title')} headingLevel={2}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-gray-600">{t('profile.accounts.description')}</p>
        <ul className="flex flex-col gap-3">
          {list.map((account) => (
            <li key={account.id}>
              <AccountRow
                initial={account}
                submitLabel={t('profile.accounts.save')}
                onSubmit={(fields) =>
                  updateExternalAccount({ data: { userId, accountId: account.id, ...fields } }).then(
                    changed(t('profile.accounts.updated')),
                  )
                }
                onRemove={() =>
                  removeExternalAccount({ data: { userId, accountId: account.id } }).then(
                    changed(t('profile.accounts.removed')),
                  )
                }
              />
            </li>
          ))}
        </ul>
        <div className="border-t border-gray-200 pt-4">
          <h3 className="mb-3 text-sm font-semibold text-gray-900">{t('profile.accounts.addTitle')}</h3>
          <AccountRow
            // A fresh row after each addition, so the form empties itself.
            key={list.length}
            initial={{ protocol: 'TELEGRAM', accountName: '' }}
            submitLabel={t('profile.accounts.add')}
            onSubmit={(fields) =>
              addExternalAccount({ data: { userId, ...fields } }).then(changed(t('profile.accounts.added')))
            }
          />
        </div>
      </div>
    </Card>
  )
}

function AccountRow({
  initial,
  submitLabel,
  onSubmit,
  onRemove,
}: {
  initial: Fields
  submitLabel: string
  onSubmit: (fields: Fields) => Promise<unknown>
  onRemove?: () => Promise<unknown>
}) {
  const t = useT()
  const options = useProfileOptions()
  const { formRef, submit, pending, errorOf } = useValidatedSubmit()
  const removal = useValidatedSubmit()
  const [fields, setFields] = useState<Fields>({
    protocol: initial.protocol,
    accountName: initial.accountName,
  })

  const save = (event: FormEvent) => {
    event.preventDefault()
    void submit(ExternalAccountFields, fields, () => onSubmit(fields))
  }
  // Rows look alike: a screen reader hears which account a button belongs to.
  const which = onRemove && (
    <span className="sr-only">
      {' '}
      ({t(`profile.protocols.${initial.protocol}`)}: {initial.accountName})
    </span>
  )

  return (
    <form
      ref={formRef}
      onSubmit={save}
      noValidate
      className="grid items-end gap-3 sm:grid-cols-[12rem_1fr_auto]"
    >
      <Select
        label={t('profile.accounts.protocol')}
        options={options.protocols}
        value={fields.protocol}
        onChange={(e) => setFields({ ...fields, protocol: e.target.value as AccountProtocol })}
        error={errorOf('protocol')}
      />
      <TextField
        label={t('profile.accounts.accountName')}
        value={fields.accountName}
        maxLength={100}
        onChange={(e) => setFields({ ...fields, accountName: e.target.value })}
        error={errorOf('accountName')}
      />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" loading={pending}>
          {submitLabel}
          {which}
        </Button>
        {onRemove && (
          <Button variant="danger" loading={removal.pending} onClick={() => void removal.run(onRemove)}>
            {t('profile.accounts.remove')}
            {which}
          </Button>
        )}
      </div>
    </form>
  )
}
