import { usePluginTranslation } from '@rapport/admin-kit'
import { Flex, Typography } from 'antd'

const parts = [
  { key: 'promoters', color: '#389e0d' },
  { key: 'passives', color: '#d4b106' },
  { key: 'detractors', color: '#cf1322' },
] as const

/** Promoters, passives and detractors as one stacked bar with counts and shares. */
export function NpsSplit(counts: { promoters: number; passives: number; detractors: number }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const total = counts.promoters + counts.passives + counts.detractors
  const share = (n: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0)
  return (
    <Flex vertical gap={6}>
      <div role="img" aria-label={t('results.splitLabel', { promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors })} style={{ display: 'flex', height: 14, borderRadius: 7, overflow: 'hidden', background: '#f0f0f0' }}>
        {parts.map((p) => (total > 0 && counts[p.key] > 0 ? <div key={p.key} style={{ width: `${share(counts[p.key])}%`, background: p.color }} /> : null))}
      </div>
      <Flex gap={16} wrap>
        {parts.map((p) => (
          <Typography.Text key={p.key}>
            <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: p.color, marginRight: 6 }} />
            {t(`results.${p.key}`)}: {counts[p.key]} ({share(counts[p.key])}%)
          </Typography.Text>
        ))}
      </Flex>
    </Flex>
  )
}
