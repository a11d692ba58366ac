/**
 * @module
 * An XLSX export through exceljs's streaming WorkbookWriter: rows are committed as they are
 * written (inline strings, no shared-string table), the zip goes to a pass-through stream that
 * the HTTP response reads, and the next page is read only once that stream has drained.
 */
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import type { Cell } from './export-columns.js'

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
      for (const row of rows) sheet.addRow(row).commit()
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
