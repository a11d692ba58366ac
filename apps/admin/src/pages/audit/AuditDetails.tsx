import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../api/audit'

const show = (value: unknown): string => (Array.isArray(value) ? value.map(show).join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))

/** An entry's details (ids and field names, never personal values), its ids and its request id. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const details = Object.entries(entry.details)
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={<Typography.Text>{t('audit.details')}</Typography.Text>}
      items={[
        ...details.map(([key, value]) => ({ key, label: key, children: <Typography.Text code>{show(value)}</Typography.Text> })),
        ...(entry.actor.id ? [{ key: '$actor', label: t('audit.actorId'), children: <Typography.Text copyable>{entry.actor.id}</Typography.Text> }] : []),
        ...(entry.target?.id ? [{ key: '$target', label: t('audit.targetId'), children: <Typography.Text copyable>{entry.target.id}</Typography.Text> }] : []),
        ...(entry.requestId ? [{ key: '$request', label: t('audit.requestId'), children: <Typography.Text copyable>{entry.requestId}</Typography.Text> }] : []),
      ]}
    />
  )
}
