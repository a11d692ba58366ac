/**
 * @module
 * Imports a customers or orders CSV. Every row is checked first. `all-or-nothing` (default)
 * writes nothing when any row is invalid, and otherwise writes everything in one transaction;
 * `valid-only` writes the valid rows in transactions of {@link IMPORT_CHUNK_ROWS} and reports the rest.
 * Orders are history: they are written oldest first, each handled at its own time, with the
 * scheduled jobs replayed as of their slots between them and then through today, so an import
 * leaves the state the shop would have had living through those orders.
 */
import { recordAudit } from '../audit/audit-log.js'
import { actorOfCaller, systemActor } from '../events/event-actor.js'
import type { Caller } from '../http/app-env.js'
import { createJobReplay, type JobReplay } from '../jobs/run-jobs-through.js'
import type { CoreServices } from '../services.js'
import { customerRows } from './customer-rows.js'
import { checkHeader, toCells, type Columns } from './import-header.js'
import type { ImportKind, ImportMode, ImportReport, InvalidRow } from './import-report.js'
import { orderRows } from './order-rows.js'
import { readCsvRecords } from './read-csv-records.js'
import type { RowKind } from './row-kind.js'

/** The report's types, re-exported with the importer. */
export type { ImportKind, ImportMode, ImportReport, InvalidRow, CellIssue } from './import-report.js'

/** Rows written per chunk (and per transaction in `valid-only`). @example for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) … */
export const IMPORT_CHUNK_ROWS = 1000
/** `onProgress` is called each time this many more rows were read or written, and once at the end. @example onProgress: (p) => log.info(p) // every PROGRESS_EVERY_ROWS rows */
export const PROGRESS_EVERY_ROWS = 10_000

/** Progress of a running import. `rowsImported` counts rows written so far, duplicates included. */
export type ImportProgress = { rowsRead: number; rowsImported: number }

/** Options of {@link importCsv}. */
export type ImportCsvOptions = {
  mode?: ImportMode
  onProgress?: (p: ImportProgress) => void
  /**
   * Who imports, for the audit log and as the actor of the events written (orders): the request's
   * caller, or `{ kind: 'system' }` for the command line (its events' actor is the system actor `import`).
   */
  caller: Caller | { kind: 'system' }
  requestId?: string
}

/**
 * Imports a CSV (text or a byte stream). Throws IMPORT_MISSING_COLUMNS, IMPORT_DUPLICATE_COLUMNS or
 * IMPORT_UNKNOWN_COLUMNS for a bad header; invalid rows are in the report (`committed: false`
 * when all-or-nothing refused the file). Records `import.completed` in the audit log with counts.
 * @example
 * const report = await importCsv(s, 'orders', createReadStream('orders.csv'), { caller, onProgress: (p) => log.info(p) })
 * if (!report.committed) console.log(report.invalid)
 */
export function importCsv(s: CoreServices, kind: ImportKind, csv: string | NodeJS.ReadableStream, options: ImportCsvOptions): Promise<ImportReport> {
  return kind === 'customers' ? runImport(s, customerRows, csv, options) : runImport(s, orderRows, csv, options)
}

async function runImport<V>(s: CoreServices, kind: RowKind<V>, csv: string | NodeJS.ReadableStream, { mode = 'all-or-nothing', onProgress, caller, requestId }: ImportCsvOptions): Promise<ImportReport> {
  const progress = progressReporter(onProgress)
  const report: ImportReport = { kind: kind.kind, mode, rows: 0, imported: 0, duplicates: 0, invalid: [], committed: false }
  const valid: Array<{ row: number; value: V }> = []
  let columns: Columns | undefined
  for await (const record of readCsvRecords(csv)) {
    if (!columns) { columns = checkHeader(record.cells, kind as RowKind<unknown>); continue }
    const row = ++report.rows + 1
    const { cells, errors } = toCells(columns, record.cells)
    if (record.error) errors.push({ column: '(row)', message: record.error })
    const check = kind.check(cells)
    if (check.ok && errors.length === 0) valid.push({ row, value: check.value })
    else report.invalid.push({ row, errors: check.ok ? errors : [...errors, ...check.errors] })
    progress(report.rows, 0)
  }
  if (!columns) checkHeader([], kind as RowKind<unknown>)
  if (mode === 'all-or-nothing' && report.invalid.length > 0) return report

  const replay = kind.timeOf && valid.length > 0 ? historyReplay(s, valid, kind.timeOf) : undefined
  const write = kind.writer(s, caller.kind === 'system' ? systemActor('import') : actorOfCaller(caller), replay)
  // After the last row, the jobs catch up to today (or to the last row, if it is in the future).
  const catchUp = async () => { if (replay) await replay.runThrough(Math.max(replay.lastEventAt, s.now().getTime())) }
  const refused: InvalidRow[] = []
  const writeChunks = async (tx: Parameters<typeof write>[0], from: number, to: number) => {
    const chunk = valid.slice(from, to)
    const writes = await write(tx, chunk.map((v) => v.value))
    writes.forEach((w, i) => {
      if (w.status === 'invalid') refused.push({ row: chunk[i]!.row, errors: w.errors })
      else if (w.status === 'imported') report.imported++
      else report.duplicates++
    })
    progress(report.rows, report.imported + report.duplicates)
  }
  const audit = (tx: Parameters<typeof write>[0]) => recordAudit(tx, s.now(), {
    caller, action: 'import.completed', targetType: 'import', targetId: kind.kind, requestId,
    details: { kind: kind.kind, mode, rows: report.rows, imported: report.imported, duplicates: report.duplicates, invalid: report.invalid.length + refused.length },
  })

  if (mode === 'all-or-nothing') {
    const rolledBack = Symbol('rolled back')
    const outcome = await s.db.tx(async (tx) => {
      for (let i = 0; i < valid.length; i += IMPORT_CHUNK_ROWS) await writeChunks(tx, i, i + IMPORT_CHUNK_ROWS)
      if (refused.length > 0) throw rolledBack
      await catchUp()
      await audit(tx)
    }).catch((err: unknown) => { if (err === rolledBack) return rolledBack; throw err })
    if (outcome === rolledBack) return { ...report, imported: 0, duplicates: 0, invalid: refused.sort((a, b) => a.row - b.row) }
  } else {
    for (let i = 0; i < valid.length; i += IMPORT_CHUNK_ROWS) await s.db.tx((tx) => writeChunks(tx, i, i + IMPORT_CHUNK_ROWS))
    await catchUp()
    await audit(s.db)
    report.invalid = [...report.invalid, ...refused].sort((a, b) => a.row - b.row)
  }
  progress(report.rows, report.imported + report.duplicates, true)
  return { ...report, committed: true }
}

/**
 * Sorts the rows oldest first (rows of the same time keep their order) and starts the jobs'
 * replay just before the first: a slot at the first row's time runs before it, as before any row.
 */
function historyReplay<V>(s: CoreServices, valid: Array<{ row: number; value: V }>, timeOf: (value: V) => string): JobReplay & { lastEventAt: number } {
  const times = new Map(valid.map((v) => [v, Date.parse(timeOf(v.value))]))
  valid.sort((a, b) => times.get(a)! - times.get(b)! || a.row - b.row)
  const first = times.get(valid[0]!)!
  const last = times.get(valid[valid.length - 1]!)!
  return Object.assign(createJobReplay(s, first - 1), { lastEventAt: last })
}

function progressReporter(onProgress: ((p: ImportProgress) => void) | undefined) {
  let last = { rowsRead: 0, rowsImported: 0 }
  const step = (n: number) => Math.floor(n / PROGRESS_EVERY_ROWS)
  return (rowsRead: number, rowsImported: number, final = false) => {
    if (!onProgress) return
    if (final || step(rowsRead) > step(last.rowsRead) || step(rowsImported) > step(last.rowsImported)) onProgress({ rowsRead, rowsImported })
    last = { rowsRead, rowsImported }
  }
}
