import { apiRequest, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Form, Input, InputNumber, Row, Select } from 'antd'
import { TIERS } from '../../shared/vocabulary'

type Reward = { id: string; name: string }

/** Each tier's name in both languages and its benefits (points multiplier, complaint priority, exclusive rewards by name). Inside the settings form. */
export function NamesBenefitsSettings() {
  const { t } = usePluginTranslation('tiering')
  // The rewards catalogue belongs to points-membership; without it, stored ids still show as they are.
  const rewards = useQuery({
    queryKey: ['tiering', 'reward-names'], staleTime: 60_000, retry: false,
    queryFn: async ({ signal }) => (await apiRequest<{ items: Reward[] }>('/api/p/points-membership/rewards', { signal })).items,
  })
  const rewardOptions = (rewards.data ?? []).map((r) => ({ value: r.id, label: r.name }))
  const priorities = (['normal', 'high', 'urgent'] as const).map((p) => ({ value: p, label: t(`segmentsForm.priority.${p}`) }))
  return (
    <Row gutter={[16, 16]}>
      {TIERS.map((tier) => (
        <Col key={tier} xs={24} lg={12}>
          <Card size="small" title={t(`tier.${tier}`)}>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name={['tiers', 'names', tier, 'en']} label={t('segmentsForm.nameEn')} htmlFor={`names-${tier}-en`} rules={[{ required: true, whitespace: true }]}><Input id={`names-${tier}-en`} maxLength={100} /></Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name={['tiers', 'names', tier, 'zh-CN']} label={t('segmentsForm.nameZh')} htmlFor={`names-${tier}-zh`} rules={[{ required: true, whitespace: true }]}><Input id={`names-${tier}-zh`} maxLength={100} /></Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name={['benefits', tier, 'pointsMultiplier']} label={t('segmentsForm.multiplier')} htmlFor={`benefits-${tier}-multiplier`}>
                  <InputNumber id={`benefits-${tier}-multiplier`} min={0} max={100} step={0.1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name={['benefits', tier, 'slaPriority']} label={t('segmentsForm.slaPriority')} htmlFor={`benefits-${tier}-priority`}>
                  <Select id={`benefits-${tier}-priority`} options={priorities} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name={['benefits', tier, 'exclusiveRewards']} label={t('segmentsForm.exclusiveRewards')} htmlFor={`benefits-${tier}-rewards`}>
                  <Select id={`benefits-${tier}-rewards`} mode="multiple" allowClear options={rewardOptions} loading={rewards.isPending} placeholder={t('segmentsForm.rewardsPlaceholder')}
                    showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  )
}
