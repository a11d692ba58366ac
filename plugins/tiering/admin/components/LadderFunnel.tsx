import { EChart, usePluginTranslation } from '@rapport/admin-kit'
import { Col, Row, Table } from 'antd'
import { useMemo } from 'react'
import type { Funnel } from '../api'
import { percent } from './share-format'

/** The ladder as a funnel of customers who reached each step, and a table with the conversion from the step before. */
export function LadderFunnel({ funnel }: { funnel: Funnel }) {
  const { t } = usePluginTranslation('tiering')
  const rows = useMemo(
    () => funnel.steps.map((step, i) => ({ ...step, label: t(`ladder.${step.step}`), previous: i > 0 ? funnel.steps[i - 1]!.reached : undefined })),
    [funnel, t],
  )
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { position: 'inside', formatter: '{b}: {c}' }, data: rows.map((r) => ({ name: r.label, value: r.reached })) }],
    }),
    [rows],
  )
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <EChart option={option} label={t('overview.funnelChart')} height={320} />
      </Col>
      <Col xs={24} lg={12}>
        <Table
          rowKey="step"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('overview.step'), dataIndex: 'label' },
            { title: t('overview.onStep'), dataIndex: 'count', align: 'right' },
            { title: t('overview.reached'), dataIndex: 'reached', align: 'right' },
            { title: t('overview.conversion'), key: 'conversion', align: 'right', render: (_, r) => (r.previous === undefined ? '–' : percent(r.reached, r.previous)) },
          ]}
        />
      </Col>
    </Row>
  )
}
