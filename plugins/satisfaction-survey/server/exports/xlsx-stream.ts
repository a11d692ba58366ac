/**
 * @module
 * An XLSX export through exceljs's streaming WorkbookWriter: rows are committed as they are
 * written (inline strings, no shared-string table), the zip goes to a pass-through stream that
 * the HTTP response reads, and the next page is read only once that stream has drained. Text
 * over Excel's 32,767-character cell limit is truncated with a marker (the CSV keeps it whole).
 */
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import type { Cell } from './export-columns.js'

/** Excel's limit on the characters of one cell; a longer one makes Excel repair the file and drop it. */
export const EXCEL_CELL_MAX = 32_767
const truncatedMarker = (dropped: number) => `… [truncated: ${dropped} more characters]`

/** A cell as Excel can hold it: text over 32,767 characters is cut and ends with a marker saying how much was left out. */
export function excelCell(cell: Cell): Cell {
  if (typeof cell !== 'string' || cell.length <= EXCEL_CELL_MAX) return cell
  // The marker's length depends on the count it prints: start from the longest count, then take back what it did not use.
  let room = EXCEL_CELL_MAX - truncatedMarker(cell.length).length
  while (room + 1 + truncatedMarker(cell.length - room - 1).length <= EXCEL_CELL_MAX) room++
  // Never cut between the two halves of a character outside the BMP (an emoji, a rare Han character).
  const last = cell.charCodeAt(room - 1)
  if (last >= 0xd800 && last <= 0xdbff) room--
  return cell.slice(0, room) + truncatedMarker(cell.length - room)
}

/** @example new Response(xlsxStream(header, pagesOfCells, (err) => log.error({ err }))) */
export function xlsxStream(header: readonly string[], pages: AsyncIterable<Cell[][]>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 256 * 1024 })
  const write = async () => {
    // Loaded on the first XLSX export, not at start: exceljs costs about 0.5 s of CPU and 38 MB.
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false, zip: { zlib: { level: 1 } } })
    const sheet = workbook.addWorksheet('responses')
    sheet.addRow([...header]).commit()
    for await (const rows of pages) {
      for (const row of rows) sheet.addRow(row.map(excelCell)).commit()
      if (out.writableNeedDrain) await once(out, 'drain')
    }
    sheet.commit()
    await workbook.commit()
  }
  write().catch((err: unknown) => {
    onError(err)
    out.destroy(err instanceof Error ? err : new Error(String(err)))
  })
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}
