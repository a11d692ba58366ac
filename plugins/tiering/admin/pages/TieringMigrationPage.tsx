import { DateRangeField, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Alert, Card, Col, Empty, Flex, Form, Radio, Row, Skeleton, Statistic, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { getMigration, type Dimension } from '../api'
import { MigrationMatrix } from '../components/MigrationMatrix'
import { MigrationSankey } from '../components/SankeyChart'

const ymd = (d: Date) => d.toISOString().slice(0, 10)
/** A date as the end of that UTC day, so "to 2026-03-01" includes the changes of that day. */
const endOfDay = (day: string) => `${day}T23:59:59.999Z`

/** Where customers stood on one date and on another: a matrix, a sankey, and how many moved. */
export default function TieringMigrationPage() {
  const { t } = usePluginTranslation('tiering')
  const [from, setFrom] = useState(() => ymd(new Date(Date.now() - 90 * 86_400_000)))
  const [to, setTo] = useState(() => ymd(new Date()))
  const [of, setOf] = useState<Dimension>('tier')
  const valid = Boolean(from && to) && from <= to
  const migration = useQuery({
    queryKey: ['tiering', 'migration', from, to, of],
    queryFn: ({ signal }) => getMigration({ from: endOfDay(from), to: endOfDay(to), of }, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  })
  const labelOf = useCallback((key: string) => (key === 'none' ? t('common.none') : t(`${of}.${key}`)), [of, t])
  const data = migration.data?.of === of ? migration.data : undefined

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('migration.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('migration.intro')}</Typography.Paragraph>
      </div>
      <Card>
        <Form layout="inline" name="tiering-migration">
          <Form.Item label={`${t('migration.from')} – ${t('migration.to')}`} htmlFor="tiering-migration-from">
            <DateRangeField id="tiering-migration-from" value={[from, to]} onChange={([f, l]) => { setFrom(f); setTo(l) }} />
          </Form.Item>
          <Form.Item label={t('migration.of')}>
            <Radio.Group aria-label={t('migration.of')} optionType="button" value={of} onChange={(e) => setOf(e.target.value as Dimension)}
              options={(['tier', 'ladder'] as const).map((value) => ({ value, label: t(`overTime.${value}`) }))} />
          </Form.Item>
        </Form>
        {!valid && <Alert type="warning" showIcon role="alert" style={{ marginTop: 12 }} title={t('migration.rangeInvalid')} />}
      </Card>
      {migration.isError ? <QueryErrorResult error={migration.error} onRetry={() => void migration.refetch()} />
        : !data ? <Skeleton active paragraph={{ rows: 8 }} />
        : (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Card><Statistic title={t('migration.moved')} value={data.moved} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title={t('migration.stayed')} value={data.stayed} /></Card></Col>
            <Col xs={24}>
              <Card title={t('migration.matrix')}>
                <MigrationMatrix migration={data} labelOf={labelOf} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={t('migration.sankey')}>
                {data.sankey.links.length === 0 ? <Empty description={t('migration.empty')} />
                  : <MigrationSankey migration={data} labelOf={labelOf} label={t('migration.sankeyChart')} />}
              </Card>
            </Col>
          </Row>
        )}
    </Flex>
  )
}
