/**
 * @module
 * Imports a plugin's history (past survey responses, past complaint cases) from a CSV or from JSON
 * rows, with the same checks and the same report as the order import: the header is checked as a
 * whole (IMPORT_MISSING_COLUMNS, IMPORT_UNKNOWN_COLUMNS, IMPORT_DUPLICATE_COLUMNS), every row is
 * checked before anything is written, `all-or-nothing` (default) writes nothing when a row is
 * invalid, `valid-only` writes the valid ones. Each row is written in a savepoint of its own, so a
 * row the writer refuses (a coded error) is reported and undoes only itself.
 */
import { z } from '@hono/zod-openapi'
import type { Database, Queryable } from '@rapport/db'
import { RapportError } from '../errors/rapport-error.js'
import { checkHeader, toCells } from './import-header.js'
import { IMPORT_MODES, type ImportMode } from './import-report.js'
import { readCsvRecords } from './read-csv-records.js'

/** A row's non-empty cells by column: text from a CSV, any JSON value from a JSON row. */
export type RowCells = ReadonlyMap<string, unknown>

/** Why one cell (or, with column `(row)`, the whole row) was refused: the error code and what is wrong. */
export type RowIssue = { column: string; code: string; message: string }

/** A row of the report that was not imported. `row`: the CSV header is row 1; JSON rows count from 1. */
export type RowRefusal = { row: number; errors: RowIssue[] }

/** The outcome of a plugin import: the order import's report, each issue with its code. */
export type RowImportReport = {
  kind: string
  mode: ImportMode
  rows: number
  /** Rows that created a record (and its events). */
  imported: number
  /** Rows whose idempotency key was already imported: nothing written. */
  duplicates: number
  invalid: RowRefusal[]
  /** False when nothing was written (all-or-nothing with invalid rows). */
  committed: boolean
}

/** The report as the import routes answer it. @example responses: { 200: jsonResponse(rowImportReportSchema, 'Imported') } */
export const rowImportReportSchema = z
  .object({
    kind: z.string(),
    mode: z.enum(IMPORT_MODES),
    rows: z.int(),
    imported: z.int().openapi({ description: 'Rows that created a record and its events' }),
    duplicates: z.int().openapi({ description: 'Rows whose idempotency key was already imported (nothing written)' }),
    invalid: z.array(z.object({
      row: z.int().openapi({ description: 'CSV: the header is row 1, empty lines are not counted. JSON: rows count from 1' }),
      errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })),
    })),
    committed: z.boolean(),
  })
  .openapi('RowImportReport')

/** One kind of history a plugin imports. */
export type RowImportKind<V> = {
  kind: string
  /** Required columns; an entry with several names needs any one of them. */
  required: ReadonlyArray<readonly string[]>
  /** Columns allowed besides the required ones, as a description for errors. */
  optional: readonly string[]
  allows(column: string): boolean
  /** The code of a row that cannot be read at all (a broken CSV record, cells past the header). */
  malformedCode: string
  /** Checks one row; may read (the customer, the survey), never writes. `source` tells text cells (CSV) from typed ones (JSON). */
  check(cells: RowCells, source: 'csv' | 'json'): Promise<{ ok: true; value: V } | { ok: false; errors: RowIssue[] }>
  /** Writes one valid row in `tx` (a savepoint); a thrown RapportError refuses this row alone. */
  write(tx: Queryable, value: V): Promise<'imported' | 'duplicate'>
}

/** Where the rows come from: a CSV (text or a byte stream), or JSON objects keyed by column (a nested object `answers: { nps: 9 }` is the column `answers.nps`). */
export type RowSource = { csv: string | NodeJS.ReadableStream } | { rows: ReadonlyArray<Record<string, unknown>> }

/** Options of {@link importRows}. `audit` runs in the import's last transaction, once the report is known. */
export type ImportRowsOptions = { mode?: ImportMode; audit?: (tx: Queryable, report: RowImportReport) => Promise<void> }

/** Valid rows written per transaction in `valid-only`. */
const CHUNK_ROWS = 200

/**
 * Checks then writes the rows of `source`.
 * @example
 * const report = await importRows(ctx.db, responseRows(ctx, deps), { csv: text }, { mode: 'valid-only' })
 * if (!report.committed) throw importErrors.INVALID_ROWS(report)
 */
export async function importRows<V>(db: Database, kind: RowImportKind<V>, source: RowSource, { mode = 'all-or-nothing', audit }: ImportRowsOptions = {}): Promise<RowImportReport> {
  const report: RowImportReport = { kind: kind.kind, mode, rows: 0, imported: 0, duplicates: 0, invalid: [], committed: false }
  const valid: Array<{ row: number; value: V }> = []
  for await (const { row, cells, errors, from } of recordsOf(kind, source)) {
    report.rows++
    const check = await kind.check(cells, from)
    if (check.ok && errors.length === 0) valid.push({ row, value: check.value })
    else report.invalid.push({ row, errors: check.ok ? errors : [...errors, ...check.errors] })
  }
  if (mode === 'all-or-nothing' && report.invalid.length > 0) return report

  const refused: RowRefusal[] = []
  const writeRows = async (from: number, to: number) => {
    for (const { row, value } of valid.slice(from, to)) {
      try {
        const status = await db.tx((tx) => kind.write(tx, value))
        if (status === 'imported') report.imported++
        else report.duplicates++
      } catch (err) {
        if (!(err instanceof RapportError) || err.status >= 500) throw err
        refused.push({ row, errors: [{ column: '(row)', code: err.code, message: err.message }] })
      }
    }
  }
  if (mode === 'all-or-nothing') {
    const rolledBack = Symbol('rolled back')
    const outcome = await db.tx(async (tx) => {
      await writeRows(0, valid.length)
      if (refused.length > 0) throw rolledBack
      await audit?.(tx, { ...report, committed: true })
    }).catch((err: unknown) => { if (err === rolledBack) return rolledBack; throw err })
    if (outcome === rolledBack) return { ...report, imported: 0, duplicates: 0, invalid: refused }
  } else {
    for (let i = 0; i < valid.length; i += CHUNK_ROWS) await db.tx(() => writeRows(i, i + CHUNK_ROWS))
    report.invalid = [...report.invalid, ...refused].sort((a, b) => a.row - b.row)
    if (audit) await db.tx((tx) => audit(tx, { ...report, committed: true }))
  }
  return { ...report, committed: true }
}

type SourceRecord = { row: number; cells: RowCells; errors: RowIssue[]; from: 'csv' | 'json' }

async function* recordsOf(kind: RowImportKind<unknown>, source: RowSource): AsyncGenerator<SourceRecord> {
  if ('rows' in source) {
    const rows = source.rows.map(flatten)
    checkHeader([...new Set(rows.flatMap((r) => [...r.keys()]))], kind)
    for (let i = 0; i < rows.length; i++) yield { row: i + 1, cells: rows[i]!, errors: [], from: 'json' }
    return
  }
  let columns: ReturnType<typeof checkHeader> | undefined
  let row = 1
  for await (const record of readCsvRecords(source.csv)) {
    if (!columns) { columns = checkHeader(record.cells, kind); continue }
    const { cells, errors } = toCells(columns, record.cells)
    if (record.error) errors.push({ column: '(row)', message: record.error })
    yield { row: ++row, cells, errors: errors.map((e) => ({ ...e, code: kind.malformedCode })), from: 'csv' }
  }
  if (!columns) checkHeader([], kind)
}

/** A JSON row's cells: nested plain objects one level deep become `key.sub` columns; null and undefined are empty. */
function flatten(row: Record<string, unknown>): Map<string, unknown> {
  const cells = new Map<string, unknown>()
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, v] of Object.entries(value)) if (v !== null && v !== undefined) cells.set(`${key}.${sub}`, v)
    } else if (value !== null && value !== undefined && value !== '') cells.set(key, value)
  }
  return cells
}
