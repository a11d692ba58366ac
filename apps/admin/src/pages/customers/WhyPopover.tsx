import QuestionCircleOutlined from '@ant-design/icons/QuestionCircleOutlined'
import { errorMessage, useFormatters } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Popover, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { explainField, type ProfileChange } from '../../api/customers'

/** How many of the latest changes the popover lists. */
const SHOWN = 5

/** Who made a change: `rule tier-from-rfm v3`, or the plugin's own reason id. */
function SourceText({ change }: { change: ProfileChange }) {
  const { t } = useTranslation()
  return change.source.kind === 'rule'
    ? <>{t('customer.why.rule')} <Typography.Text code>{change.source.id}</Typography.Text> {t('customer.why.version', { version: change.source.version })}</>
    : <>{t('customer.why.plugin', { plugin: change.plugin })} <Typography.Text code>{change.source.id}</Typography.Text></>
}

/** The explanation of one field: its latest changes, newest first, each with its rule and event. */
function Explanation({ customerId, field, format }: { customerId: string; field: string; format: (v: ProfileChange['next']) => string }) {
  const { t } = useTranslation()
  const { dateTime } = useFormatters()
  const explain = useQuery({ queryKey: ['customers', 'explain', customerId, field], queryFn: ({ signal }) => explainField(customerId, field, signal) })
  if (explain.isPending) return <span role="status" aria-label={t('app.loading')}><Spin size="small" /></span>
  if (explain.isError) return <Alert type="error" showIcon title={errorMessage(t, explain.error)} />
  const changes = explain.data.changes.slice(-SHOWN).reverse()
  if (changes.length === 0) return <Typography.Text type="secondary">{t('customer.why.none')}</Typography.Text>
  return (
    <ol style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }} data-testid="why-changes">
      {changes.map((change) => (
        <li key={`${change.at}/${change.source.id}/${String(change.next)}`} style={{ marginBottom: 8 }}>
          <div>
            <Typography.Text strong>{format(change.previous)} → {format(change.next)}</Typography.Text>
          </div>
          <div><SourceText change={change} /></div>
          <div>
            {change.event
              ? <>{t('customer.why.event')} <Tag>{change.event.type}</Tag>{dateTime(change.event.occurredAt)}</>
              : t('customer.why.noEvent')}
          </div>
          <Typography.Text type="secondary">{t('customer.why.at', { at: dateTime(change.at) })}</Typography.Text>
        </li>
      ))}
    </ol>
  )
}

/** A "why?" button beside a profile value; opening it asks the explain API. */
export function WhyPopover({ customerId, field, label, format }: { customerId: string; field: string; label: string; format: (v: ProfileChange['next']) => string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      title={t('customer.why.title', { field: label })}
      content={open ? <Explanation customerId={customerId} field={field} format={format} /> : null}
    >
      <Button type="text" size="small" icon={<QuestionCircleOutlined />} aria-label={t('customer.why.button', { field: label })} aria-expanded={open}>
        {t('customer.why.short')}
      </Button>
    </Popover>
  )
}
