/**
 * @module
 * What the importer needs to know about one kind of CSV: its columns, how a row becomes a value,
 * and how valid values are written. `customer-rows.ts` and `order-rows.ts` implement it.
 */
import type { Queryable } from '@rapport/db'
import type { EventActor } from '../events/event-actor.js'
import type { JobReplay } from '../jobs/run-jobs-through.js'
import type { CoreServices } from '../services.js'
import type { CellIssue, ImportKind } from './import-report.js'

/** A row's non-empty cells by column name. */
export type Cells = ReadonlyMap<string, string>

/** A checked row. */
export type RowCheck<V> = { ok: true; value: V } | { ok: false; errors: CellIssue[] }

/** What writing one valid row did. */
export type RowWrite = { status: 'imported' | 'duplicate' } | { status: 'invalid'; errors: CellIssue[] }

/** Writes a chunk of valid rows in the caller's transaction; one writer serves one import. */
export type RowWriter<V> = (tx: Queryable, values: readonly V[]) => Promise<RowWrite[]>

/** One kind of CSV. */
export type RowKind<V> = {
  kind: ImportKind
  /** Required columns; an entry with several names needs any one of them (`amountMinor` or `amount`). */
  required: ReadonlyArray<readonly string[]>
  /** Columns allowed besides the required ones, as a description for errors. */
  optional: readonly string[]
  /** True when the column may appear. */
  allows(column: string): boolean
  check(cells: Cells): RowCheck<V>
  /** When rows are events: a row's time. The importer then writes them oldest first, with the jobs replayed between them. */
  timeOf?(value: V): string
  /** The writer of one import; `actor` is recorded on the events it writes (orders); `replay` runs the jobs between them. */
  writer(s: CoreServices, actor: EventActor, replay?: JobReplay): RowWriter<V>
}
