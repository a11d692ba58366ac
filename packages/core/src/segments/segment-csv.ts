/**
 * @module
 * A segment's customers as CSV, pulled page by page: each time the client takes a chunk the next
 * page of customers and their profile values is read and formatted by papaparse's `unparse`.
 */
import type { Queryable } from '@rapport/db'
import Papa from 'papaparse'
import type { PiiCipher } from '../crypto/pii-cipher.js'
import { toCustomer, type CustomerRow } from '../customers/customer-row.js'
import type { FieldSpec, ProfileValue } from '../plugins/contract.js'
import { fromColumns } from '../profile/profile-value.js'

/** Excel reads a BOM-less CSV as the system code page; the BOM makes it read UTF-8 (Chinese names). */
const BOM = '\uFEFF'
const CORE_COLUMNS = ['id', 'externalId', 'name', 'email', 'phone', 'locale', 'createdAt'] as const

type Cell = string | number | boolean | null
type ValueRow = { customer_id: string; field: string; num_value: number | null; text_value: string | null }

// escapeFormulae: a cell starting with = + - @ is prefixed with ' so spreadsheets never run it.
const unparse = (rows: Cell[][]): string => `${Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' })}\r\n`

/** The profile values of one page of customers, in one query. */
async function pageProfiles(db: Queryable, fields: ReadonlyMap<string, FieldSpec>, ids: string[]): Promise<Map<string, Map<string, ProfileValue>>> {
  const rows = await db.all<ValueRow>(
    `SELECT customer_id, field, num_value, text_value FROM core_profile_values WHERE customer_id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  )
  const byCustomer = new Map<string, Map<string, ProfileValue>>()
  for (const r of rows) {
    if (!fields.has(r.field)) continue
    let values = byCustomer.get(r.customer_id)
    if (!values) byCustomer.set(r.customer_id, (values = new Map()))
    values.set(r.field, fromColumns(fields.get(r.field)?.kind, r.num_value, r.text_value))
  }
  return byCustomer
}

/**
 * The CSV stream: a header of the customer's columns and every declared profile field, then a
 * row per customer.
 * @example return c.body(segmentCsv({ db: s.db, pii: s.pii, fields: s.runtime.fields(), pages: memberPages(s.db, id, where) }), 200, headers)
 */
export function segmentCsv({ db, pii, fields, pages }: { db: Queryable; pii: PiiCipher; fields: ReadonlyMap<string, FieldSpec>; pages: AsyncGenerator<CustomerRow[]> }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const profileColumns = [...fields.keys()]
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + unparse([[...CORE_COLUMNS, ...profileColumns]])))
    },
    async pull(controller) {
      const next = await pages.next()
      if (next.done) return controller.close()
      const profiles = await pageProfiles(db, fields, next.value.map((r) => r.id))
      const rows = next.value.map((row) => {
        const customer = toCustomer(row, pii)
        const values = profiles.get(row.id)
        return [...CORE_COLUMNS.map((c) => customer[c]), ...profileColumns.map((f) => values?.get(f) ?? null)] as Cell[]
      })
      controller.enqueue(encoder.encode(unparse(rows)))
    },
    async cancel() {
      await pages.return(undefined)
    },
  }, { highWaterMark: 1 })
}
