import { usePluginTranslation } from '@rapport/admin-kit'
import { InputNumber, Select, Space } from 'antd'
import { useState } from 'react'

type Props = { id: string; value: number; onChange: (minutes: number) => void; status?: 'error' | undefined }

/** Business minutes entered as minutes or hours; whole hours are shown in hours. */
export function DurationInput({ id, value, onChange, status }: Props) {
  const { t } = usePluginTranslation('complaint-tracking')
  const [unit, setUnit] = useState<'minutes' | 'hours'>(value % 60 === 0 ? 'hours' : 'minutes')
  const factor = unit === 'hours' ? 60 : 1
  return (
    <Space.Compact>
      <InputNumber id={id} value={value / factor} min={unit === 'hours' ? 0.25 : 1} max={525_600 / factor} step={unit === 'hours' ? 1 : 15}
        precision={unit === 'hours' ? undefined : 0} status={status} style={{ width: 100 }}
        onChange={(v) => { if (typeof v === 'number') onChange(Math.max(1, Math.round(v * factor))) }} />
      <Select<'minutes' | 'hours'> value={unit} onChange={setUnit} aria-label={t('settingsForm.policies.unit')} style={{ width: 96 }}
        options={[{ value: 'hours', label: t('settingsForm.policies.hours') }, { value: 'minutes', label: t('settingsForm.policies.minutes') }]} />
    </Space.Compact>
  )
}
