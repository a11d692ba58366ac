import { usePluginTranslation } from '@rapport/admin-kit'
import { Card, Flex, Table, Tag } from 'antd'
import type { CheckedCondition, CheckedCriterion, CustomerExplain } from '../customer-api'

type Row = { key: string; condition: string; actual: string; holds: boolean; group?: boolean }

/** Every ladder step's conditions checked on the customer's profile, with their values. */
export function LadderConditions({ ladder }: { ladder: CustomerExplain['ladder'] }) {
  const { t } = usePluginTranslation('tiering')
  const show = (v: unknown) => (v === null || v === undefined ? t('explain.noValue') : Array.isArray(v) ? v.join(', ') : String(v))
  const describe = (k: CheckedCriterion) => `${k.field} ${t(`settings.ops.${k.op}`)}${k.value === undefined ? '' : ` ${show(k.value)}`}`
  const rowsOf = (conditions: CheckedCondition[]): Row[] => conditions.flatMap((c, i) => ('anyOf' in c
    ? [{ key: `${i}`, condition: t('settings.anyOf'), actual: '', holds: c.holds, group: true },
      ...c.anyOf.map((k, j) => ({ key: `${i}.${j}`, condition: `· ${describe(k)}`, actual: show(k.actual), holds: k.holds }))]
    : [{ key: `${i}`, condition: describe(c), actual: show(c.actual), holds: c.holds }]))
  return (
    <Flex vertical gap={12}>
      {ladder.steps.map((step) => (
        <Card key={step.step} size="small" type="inner"
          title={<Flex gap={8} align="center">{t(`ladder.${step.step}`)}{step.step === ladder.step && <Tag color="blue">✓</Tag>}</Flex>}
          extra={!step.automatic ? <Tag>{t('explain.ladderManual')}</Tag>
            : <Tag color={step.holds ? 'green' : 'default'}>{t(step.holds ? 'explain.ladderStepHolds' : 'explain.ladderStepFails')}</Tag>}>
          {step.automatic && (
            <Table<Row>
              size="small" pagination={false} rowKey="key" dataSource={rowsOf(step.conditions)}
              columns={[
                { title: t('explain.condition'), dataIndex: 'condition', render: (text: string, r) => (r.group ? <strong>{text}</strong> : <code>{text}</code>) },
                { title: t('explain.actual'), dataIndex: 'actual' },
                { title: t('explain.holds'), key: 'holds', align: 'center', render: (_, r) => <Tag color={r.holds ? 'green' : 'red'}>{t(r.holds ? 'explain.yes' : 'explain.no')}</Tag> },
              ]}
            />
          )}
        </Card>
      ))}
    </Flex>
  )
}
