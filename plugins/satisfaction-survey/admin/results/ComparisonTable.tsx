import { usePluginTranslation } from '@rapport/admin-kit'
import { Empty, Flex, Table, Typography } from 'antd'
import type { Comparison } from '../api/analytics'
import { percent, points, pText } from './estimate-text'
import { MethodTitle } from './MethodTitle'
import { SignificanceVerdict } from './SignificanceVerdict'
import { SmallSampleNote } from './SmallSampleNote'

type Metric = 'nps' | 'csat' | 'ces'
const metrics: Metric[] = ['nps', 'csat', 'ces']

/** Side `a` against side `b` for NPS and the two top-2-boxes, each with its change, p-value and verdict. */
export function ComparisonTable({ data, labelA, labelB }: { data: Comparison; labelA: string; labelB: string }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const value = (side: Comparison['a'], m: Metric) => (m === 'nps' ? points(side.nps.nps) : percent(side[m].share))
  const answers = (side: Comparison['a'], m: Metric) => side[m].responses
  const change = (m: Metric) => {
    const d = data.tests[m].difference
    if (d === null) return '–'
    const text = m === 'nps' ? points(Math.round(d * 10) / 10) : `${points(Math.round(d * 1000) / 10)} pp`
    return d > 0 ? `+${text}` : text
  }
  const smallest = Math.min(...metrics.map((m) => Math.min(answers(data.a, m), answers(data.b, m))).filter((n) => n > 0))
  const rows = metrics.filter((m) => answers(data.a, m) + answers(data.b, m) > 0)
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analysis.noGroups')} />
  return (
    <Flex vertical gap={8}>
      <Table
        size="small"
        pagination={false}
        rowKey={(m) => m}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('analysis.metric'), key: 'metric', render: (_, m) => t(m === 'nps' ? 'analysis.nps' : m === 'csat' ? 'analysis.csatTop2' : 'analysis.cesTop2') },
          { title: labelA, key: 'a', render: (_, m) => <span>{value(data.a, m)} <Typography.Text type="secondary">(n = {answers(data.a, m)})</Typography.Text></span> },
          { title: labelB, key: 'b', render: (_, m) => <span>{value(data.b, m)} <Typography.Text type="secondary">(n = {answers(data.b, m)})</Typography.Text></span> },
          { title: t('analysis.change'), key: 'change', render: (_, m) => change(m) },
          { title: t('analysis.pValue'), key: 'p', render: (_, m) => (data.tests[m].pValue === null ? '–' : pText(data.tests[m].pValue!)) },
          { title: <MethodTitle title={t('analysis.verdict')} method={t('analysis.testMethod')} />, key: 'verdict', render: (_, m) => <SignificanceVerdict test={data.tests[m]} /> },
        ]}
      />
      {Number.isFinite(smallest) && <SmallSampleNote n={smallest} />}
    </Flex>
  )
}
