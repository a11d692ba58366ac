import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Alert, Flex, Table, Typography } from 'antd'
import type { CustomerExplain } from '../customer-api'
import { formatAmount } from '../components/share-format'

const TIER_ORDER = ['diamond', 'silver', 'bronze', 'iron']

/** Why the customer has their tier: their rank among spenders (or their value against the thresholds) and the downgrade policy. */
export function TierReason({ tier }: { tier: CustomerExplain['tier'] }) {
  const { t, language } = usePluginTranslation('tiering')
  const { dateTime } = useFormatters()
  const tierName = (key: string | null) => t(`tier.${key ?? 'none'}`)
  const valueText = tier.basis === 'spend' ? formatAmount(tier.value, language) : String(tier.value)
  const { percentile, thresholds, policy } = tier
  return (
    <Flex vertical gap={8}>
      {percentile && (tier.value > 0
        ? <Typography.Paragraph>{t('explain.tierPercentile', { above: percentile.spendersAbove, spenders: percentile.spenders, ...percentile.percentiles })}</Typography.Paragraph>
        : <Typography.Paragraph>{t('explain.noSpend', { tier: tierName('iron') })}</Typography.Paragraph>)}
      {thresholds && <Typography.Paragraph>{t('explain.tierThresholds', { basis: t(`settings.${tier.basis}`), value: valueText })}</Typography.Paragraph>}
      <Typography.Paragraph strong>{t('explain.tierComputed', { tier: tierName(tier.computed) })}</Typography.Paragraph>
      {percentile?.cutPoints && (
        <Table
          size="small" pagination={false} rowKey="tier"
          caption={t('explain.tierCutPoints')}
          dataSource={TIER_ORDER.filter((k) => k !== 'iron').map((k) => ({ tier: k, min: percentile.cutPoints?.[k] ?? null }))}
          columns={[
            { title: t('explain.tier'), key: 'tier', render: (_, r) => tierName(r.tier) },
            { title: t('explain.windowSpend'), key: 'min', align: 'right', render: (_, r) => (r.min === null ? '–' : `≥ ${formatAmount(r.min, language)}`) },
          ]}
        />
      )}
      {thresholds && (
        <Table
          size="small" pagination={false} rowKey="tier"
          dataSource={TIER_ORDER.map((k) => ({ tier: k, range: thresholds[k] }))}
          columns={[
            { title: t('explain.tier'), key: 'tier', render: (_, r) => tierName(r.tier) },
            { title: t('explain.tierRange'), key: 'range', render: (_, r) => {
              const min = r.range?.minMinor ?? r.range?.min ?? 0
              const max = r.range?.maxMinor ?? r.range?.max
              const show = (v: number) => (tier.basis === 'spend' ? formatAmount(v, language) : String(v))
              return max === undefined ? `≥ ${show(min)}` : `${show(min)} – ${show(max)}`
            } },
          ]}
        />
      )}
      {policy.downgradeHeld && <Alert type="info" showIcon title={t('explain.tierHeld', { tier: tierName(tier.computed), policy: t(`settings.${policy.downgrade}`) })}
        description={policy.graceEndsAt ? t('explain.graceEnds', { at: dateTime(policy.graceEndsAt) }) : undefined} />}
    </Flex>
  )
}
