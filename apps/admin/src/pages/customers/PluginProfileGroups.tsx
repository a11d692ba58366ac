import { useFormatters } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Descriptions, Empty, Flex, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CustomerDetail } from '../../api/types'
import { usePluginTitle } from '../../plugins/use-plugin-title'
import { pluginListQuery } from '../plugins/plugin-queries'
import { profileValueText } from './profile-value-text'
import { WhyPopover } from './WhyPopover'

/** Every enabled plugin's profile fields for this customer, a card per plugin, each value with its "why". */
export function PluginProfileGroups({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation()
  const { date, dateTime } = useFormatters()
  const language = i18n.resolvedLanguage === 'zh-CN' ? 'zh-CN' : 'en'
  const plugins = useQuery(pluginListQuery)
  const pluginTitle = usePluginTitle()
  const groups = (plugins.data ?? []).filter((p) => p.state === 'active' && p.profileFields.length > 0)
  if (plugins.isSuccess && groups.length === 0) return <Empty description={t('customer.noPluginFields')} />
  return (
    <section aria-labelledby="customer-plugin-fields">
      <Typography.Title level={2} id="customer-plugin-fields" style={{ fontSize: 18, margin: '0 0 12px' }}>
        {t('customer.pluginFields')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {groups.map((plugin) => {
          const values = customer.profile[plugin.namespace] ?? {}
          return (
            <Col key={plugin.name} xs={24} lg={12}>
              <Card
                size="small"
                title={<h3 style={{ fontSize: 15, margin: 0 }}>{pluginTitle(plugin.name)}</h3>}
                data-plugin-fields={plugin.name}
                style={{ height: '100%' }}
              >
                <Descriptions
                  column={1}
                  size="small"
                  items={plugin.profileFields.map((f) => {
                    const label = f.label[language]
                    const name = f.field.slice(f.field.indexOf('.') + 1)
                    const format = (v: Parameters<typeof profileValueText>[0]) => profileValueText(v, f.kind, { t, language, date, dateTime, valueLabels: f.valueLabels })
                    const value = values[name]
                    return {
                      key: f.field,
                      label,
                      children: (
                        <Flex align="center" gap={4} wrap>
                          <span data-field={f.field}>{format(value)}</span>
                          {value !== undefined && <WhyPopover customerId={customer.id} field={f.field} label={label} format={format} />}
                        </Flex>
                      ),
                    }
                  })}
                />
              </Card>
            </Col>
          )
        })}
      </Row>
    </section>
  )
}
