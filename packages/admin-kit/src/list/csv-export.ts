/**
 * @module
 * Rows as a CSV file people open in Excel: UTF-8 with a byte-order mark (without it Excel reads
 * Chinese as the legacy code page), quoted by papaparse, and cells that start like a formula
 * escaped so a customer's name cannot run in the spreadsheet.
 */
import Papa from 'papaparse'

// papaparse's own pattern for `escapeFormulae: true` ends in `.*$`, so a cell with a line break
// after its formula slips through; the first character is all that decides.
const FORMULA_START = /^[=+\-@\t\r]/

/** One column of the file: its heading and the text of a row's cell. */
export type CsvColumn<T> = { title: string; value: (row: T) => string | number | null | undefined }

/** The CSV text, BOM first. @example rowsToCsv([{ name: '张三' }], [{ title: '姓名', value: (r) => r.name }]) */
export function rowsToCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const data = rows.map((row) => columns.map((c) => c.value(row) ?? ''))
  return `\uFEFF${Papa.unparse({ fields: columns.map((c) => c.title), data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}`
}

/** A file name safe on every system: `customers-2026-12-07.csv`. */
export const csvFileName = (base: string, day = new Date().toISOString().slice(0, 10)): string =>
  `${base.replace(/[^\p{L}\p{N}_-]+/gu, '-')}-${day}.csv`

/** Offers the text as a download. */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // Chromium reads the blob after the click returns; freed at once, the download never starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
