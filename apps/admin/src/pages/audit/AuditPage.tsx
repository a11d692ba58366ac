import { errorMessage, fetchAllPages, ListToolbar, useFormatters, useListKit } from '@rapport/admin-kit'
import { Alert, Button, Card, Flex, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listAudit, type AuditEntry, type AuditFilters } from '../../api/audit'
import { auditColumns } from './audit-columns'
import { AuditDetails } from './AuditDetails'
import { AuditFiltersBar } from './AuditFiltersBar'
import { useAuditLog } from './use-audit-log'

/** `/admin/audit` (owners and admins): who changed what and when, filtered, newest first, a page at a time. */
export default function AuditPage() {
  const { t } = useTranslation()
  const { dateTime, timeZone } = useFormatters()
  const [filters, setFilters] = useState<AuditFilters>({})
  const log = useAuditLog(filters)
  const entries = log.data?.pages.flatMap((page) => page.items) ?? []
  const kit = useListKit<AuditEntry, AuditFilters>({ id: 'audit', columns: auditColumns(t, dateTime), filters, onApplyFilters: setFilters })
  // Every entry of the filter, not only the pages loaded.
  const exportRows = () => fetchAllPages((cursor) => listAudit({ ...filters, limit: 200, ...(cursor ? { cursor } : {}) }))
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.intro', { timeZone })}</Typography.Paragraph>
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      <ListToolbar kit={kit} exportName={t('audit.title')} rows={exportRows} onReload={() => void log.refetch()} />
      {log.isError && <Alert type="error" showIcon title={errorMessage(t, log.error)} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        aria-label={t('audit.tableLabel')}
        rowKey="id"
        dataSource={entries}
        loading={log.isPending}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('audit.empty') }}
        size={kit.size}
        columns={kit.columns}
        expandable={{
          expandedRowRender: (entry) => <AuditDetails entry={entry} />,
          expandRowByClick: false,
          // antd's expand icon is a bare button: give it a name per row.
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button
              type="text"
              size="small"
              aria-expanded={expanded}
              aria-label={t(expanded ? 'audit.hideDetails' : 'audit.showDetails', { action: t(`audit.actions.${record.action}` as 'audit.title', { defaultValue: record.action }) })}
              onClick={(e) => onExpand(record, e)}
            >
              {expanded ? '−' : '+'}
            </Button>
          ),
        }}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {log.hasNextPage && (
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  )
}
