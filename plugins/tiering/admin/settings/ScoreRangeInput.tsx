import { InputNumber, Space } from 'antd'

type Props = { value?: [number, number]; onChange?: (value: [number, number]) => void; id?: string; label: string; fromLabel: string; toLabel: string }

/** An inclusive range of RFM scores, 1 to 5. */
export function ScoreRangeInput({ value = [1, 5], onChange, id, label, fromLabel, toLabel }: Props) {
  const set = (at: 0 | 1, v: number | null) => {
    if (typeof v !== 'number') return
    onChange?.(at === 0 ? [v, value[1]] : [value[0], v])
  }
  return (
    <Space.Compact>
      <InputNumber id={id} aria-label={`${label} ${fromLabel}`} min={1} max={5} precision={0} value={value[0]} onChange={(v) => set(0, v)} style={{ width: 56 }} />
      <InputNumber aria-label={`${label} ${toLabel}`} min={1} max={5} precision={0} value={value[1]} onChange={(v) => set(1, v)} style={{ width: 56 }} />
    </Space.Compact>
  )
}
