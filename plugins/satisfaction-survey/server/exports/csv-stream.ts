/**
 * @module
 * A CSV export as a pull stream: each time the client takes a chunk, the next page of responses
 * is read and formatted by papaparse's `unparse`, so memory holds one page at a time.
 */
import Papa from 'papaparse'
import type { Cell } from './export-columns.js'

/** Excel reads a BOM-less CSV as the system code page; the BOM makes it read UTF-8 (Chinese answers). */
const BOM = '\uFEFF'

// escapeFormulae: a cell starting with = + - @ is prefixed with ' so spreadsheets never run it.
const unparse = (rows: Cell[][]): string => `${Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' })}\r\n`

/** @example new Response(csvStream(header, pagesOfCells)) */
export function csvStream(header: readonly string[], pages: AsyncIterator<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + unparse([[...header]])))
    },
    async pull(controller) {
      const next = await pages.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(unparse(next.value)))
    },
    async cancel() {
      await pages.return?.(undefined)
    },
  }, { highWaterMark: 1 })
}
