import { Card, Descriptions, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Customer } from '../../api/types'
import { useFormatters } from '@rapport/admin-kit'

/** The customer's own fields in a Descriptions list. */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const { dateTime, date } = useFormatters()
  const none = t('common.none')
  const text = (value: string | null): ReactNode => value ?? none
  const fields: Array<[keyof Customer & string, ReactNode]> = [
    // The id is for integrations: copied, not shown (people go by name and external id).
    ['id', <Typography.Text copyable={{ text: customer.id }} key="id">{t('customer.copyId')}</Typography.Text>],
    ['externalId', customer.externalId],
    ['name', text(customer.name)],
    ['email', text(customer.email)],
    ['phone', text(customer.phone)],
    ['birthday', customer.birthday ? date(customer.birthday) : none],
    ['locale', customer.locale ? t(`customer.localeNames.${customer.locale}` as 'customer.localeNames.en', { defaultValue: customer.locale }) : none],
    ['timeZone', text(customer.timeZone)],
    ['createdAt', dateTime(customer.createdAt)],
    ['updatedAt', dateTime(customer.updatedAt)],
    ...(customer.erasedAt ? [['erasedAt', dateTime(customer.erasedAt)] as [keyof Customer & string, ReactNode]] : []),
  ]
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.profile')}</h2>}>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
        items={fields.map(([key, children]) => ({ key, label: t(`customer.fields.${key}` as 'customer.fields.id'), children }))}
      />
    </Card>
  )
}
