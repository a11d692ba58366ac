import { EChart } from '@rapport/admin-kit'
import { useMemo } from 'react'
import type { Distribution } from '../api'
import { tierColors } from './tier-colors'

/** Customers per value tier as a ring, with the configured tier names. */
export function TierChart({ distribution, language, label }: { distribution: Distribution; language: string; label: string }) {
  const option = useMemo(
    () => ({
      color: tierColors,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: distribution.tiers.map((tier) => ({ name: language === 'zh-CN' ? tier.label['zh-CN'] : tier.label.en, value: tier.count })),
        },
      ],
    }),
    [distribution, language],
  )
  return <EChart option={option} label={label} height={280} />
}
