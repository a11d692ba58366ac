import { PageLoading, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Col, Flex, Row, Typography } from 'antd'
import { getPointsPlugin } from '../api'
import { EarningRulesForm } from '../rules/EarningRulesForm'
import { RulePreview } from '../rules/RulePreview'

/** The earning rules (the plugin config) and the rule preview side by side. */
export default function RulesPage() {
  const { t } = usePluginTranslation('points-membership')
  const plugin = useQuery({ queryKey: ['points-membership', 'plugin'], queryFn: ({ signal }) => getPointsPlugin(signal) })
  if (plugin.isPending) return <PageLoading />
  if (plugin.isError) return <QueryErrorResult error={plugin.error} onRetry={() => void plugin.refetch()} />
  const config = plugin.data.config ?? {}
  const currency = typeof config.currency === 'string' ? config.currency : 'CNY'
  const minorPerUnit = typeof config.minorPerUnit === 'number' ? config.minorPerUnit : 100
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('rules.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}><EarningRulesForm config={config} currency={currency} /></Col>
        <Col xs={24} xl={10}><RulePreview currency={currency} minorPerUnit={minorPerUnit} /></Col>
      </Row>
    </Flex>
  )
}
