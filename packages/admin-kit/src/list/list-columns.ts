/**
 * @module
 * A list's columns as the kit sees them: antd columns with a stable key and a plain-text title,
 * and how a row's cell reads in an export (a label, never a code).
 */
import type { ColumnType } from 'antd/es/table'
import type { CsvColumn } from './csv-export'

/**
 * One column of a kit list. `exportValue` gives the exported text; without it the row's
 * `dataIndex` value is written as is, so a column that renders a code as a label must set it.
 * `exportable: false` leaves a column (row actions) out of the file; `hideable: false` keeps a
 * column (the one naming the row) always shown.
 */
export type ListColumn<T> = ColumnType<T> & {
  key: string
  /** The heading, in the page's language: the column setting and the CSV heading. */
  title: string
  exportValue?: (row: T) => string | number | null | undefined
  hideable?: false
  exportable?: false
}

/** The columns in the person's order: the chosen keys first, then the rest in the page's order. */
export function orderColumns<T>(columns: readonly ListColumn<T>[], order: readonly string[]): ListColumn<T>[] {
  const rank = new Map(order.map((key, i) => [key, i]))
  return columns
    .map((column, i) => ({ column, i }))
    .sort((a, b) => (rank.get(a.column.key) ?? order.length + a.i) - (rank.get(b.column.key) ?? order.length + b.i))
    .map(({ column }) => column)
}

const valueAt = (row: unknown, dataIndex: ColumnType<unknown>['dataIndex']): unknown => {
  const path = Array.isArray(dataIndex) ? dataIndex : dataIndex === undefined ? [] : [dataIndex]
  return path.reduce<unknown>((at, key) => (at as Record<string | number, unknown> | undefined)?.[key as string], row)
}

/** The export's columns: the visible ones in their order, each read through `exportValue`. */
export function csvColumnsOf<T>(columns: readonly ListColumn<T>[]): CsvColumn<T>[] {
  return columns
    .filter((c) => c.exportable !== false)
    .map((c) => ({
      title: c.title,
      value: c.exportValue ?? ((row: T) => {
        const v = valueAt(row, c.dataIndex)
        return typeof v === 'string' || typeof v === 'number' ? v : v == null ? '' : String(v)
      }),
    }))
}

/** What antd's Table takes: the kit's own fields removed. */
export const tableColumnOf = <T>({ exportValue: _e, hideable: _h, exportable: _x, ...column }: ListColumn<T>): ColumnType<T> => column
