import { useQuery } from '@tanstack/react-query'
import { Button, DatePicker, Flex, Form, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { AuditFilters } from '../../api/audit'
import { apiKeyListQuery } from '../api-keys/api-key-queries'
import { userListQuery } from '../users/user-queries'
import { auditActions, auditTargetTypes } from './audit-vocabulary'

const DAY = 'YYYY-MM-DD'

type Props = { filters: AuditFilters; onChange: (filters: AuditFilters) => void }

/** Filters of the audit log: who acted (users and API keys), the action, the kind of entity and a range of days. */
export function AuditFiltersBar({ filters, onChange }: Props) {
  const { t } = useTranslation()
  const users = useQuery(userListQuery)
  const keys = useQuery(apiKeyListQuery)
  const set = (patch: Partial<AuditFilters>) => {
    const next: AuditFilters = { ...filters, ...patch }
    for (const key of Object.keys(next) as (keyof AuditFilters)[]) if (next[key] === undefined) delete next[key]
    onChange(next)
  }
  const actorOptions = [
    { label: t('audit.actorGroups.users'), options: (users.data ?? []).map((u) => ({ value: u.id, label: u.name })) },
    { label: t('audit.actorGroups.apiKeys'), options: (keys.data ?? []).map((k) => ({ value: k.id, label: k.name })) },
  ]
  return (
    <Form layout="vertical" aria-label={t('audit.filtersLabel')} component="div">
      <Flex gap={16} wrap align="end">
        <Form.Item label={t('audit.filters.actor')} htmlFor="audit-actor" style={{ marginBottom: 16 }}>
          <Select
            id="audit-actor"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            placeholder={t('audit.filters.anyone')}
            value={filters.actor}
            options={actorOptions}
            onChange={(actor?: string) => set({ actor })}
          />
        </Form.Item>
        <Form.Item label={t('audit.filters.action')} htmlFor="audit-action" style={{ marginBottom: 16 }}>
          <Select
            id="audit-action"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            placeholder={t('audit.filters.anyAction')}
            value={filters.action}
            options={auditActions.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
            onChange={(action?: string) => set({ action })}
          />
        </Form.Item>
        <Form.Item label={t('audit.filters.targetType')} htmlFor="audit-target-type" style={{ marginBottom: 16 }}>
          <Select
            id="audit-target-type"
            allowClear
            style={{ width: 180 }}
            placeholder={t('audit.filters.anyTarget')}
            value={filters.targetType}
            options={auditTargetTypes.map((type) => ({ value: type, label: t(`audit.targetTypes.${type}`) }))}
            onChange={(targetType?: string) => set({ targetType })}
          />
        </Form.Item>
        <Form.Item label={t('audit.filters.dates')} htmlFor="audit-dates" style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            id={{ start: 'audit-dates', end: 'audit-dates-end' }}
            allowEmpty={[true, true]}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) => set({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) })}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 16 }}>
          <Button onClick={() => onChange({})} disabled={Object.keys(filters).length === 0}>
            {t('audit.filters.clear')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  )
}
