/**
 * @module
 * One date range field for every page, the shell's and the plugins': calendar days
 * (`YYYY-MM-DD`, in the business's calendar), any range, with the usual presets. The shell provides
 * the picker (antd's RangePicker over its dayjs), so plugins need no date library of their own.
 */
import { createContext, useContext, type ComponentType } from 'react'

/** A range of calendar days, both ends included: `['2026-11-01', '2026-11-30']`. */
export type DayRange = readonly [from: string, to: string]

/** What the field takes. */
export type DateRangeFieldProps = {
  value: DayRange
  onChange: (range: DayRange) => void
  /** Id of the first input, for a label's htmlFor. */
  id?: string
  /** Last day that may be picked (today by default). */
  max?: string
}

const Implementation = createContext<ComponentType<DateRangeFieldProps> | null>(null)

/** The shell installs its picker here once, around the router. */
export const DateRangeFieldProvider = Implementation.Provider

/**
 * A date range picker with presets (last 7/30/90/365 days, this and last month, this year).
 * @example <DateRangeField value={[from, to]} onChange={([f, t]) => { setFrom(f); setTo(t) }} />
 */
export function DateRangeField(props: DateRangeFieldProps) {
  const Picker = useContext(Implementation)
  if (!Picker) throw new Error('DateRangeField needs the admin shell (DateRangeFieldProvider)')
  return <Picker {...props} />
}
