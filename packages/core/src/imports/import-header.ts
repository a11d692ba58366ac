/**
 * @module
 * Checks a CSV header against a kind's columns, refusing the whole file with a coded error.
 */
import { importErrors } from '../errors/index.js'
import type { CellIssue } from './import-report.js'
import type { Cells, RowKind } from './row-kind.js'

/** Column names by position; null for an unnamed column (e.g. a trailing comma), which is ignored. */
export type Columns = ReadonlyArray<string | null>

/**
 * The header's columns, or IMPORT_MISSING_COLUMNS, IMPORT_DUPLICATE_COLUMNS or IMPORT_UNKNOWN_COLUMNS (422).
 * @example const columns = checkHeader(['externalId', 'name'], customerRows)
 */
export function checkHeader(header: readonly string[], kind: Pick<RowKind<unknown>, 'required' | 'optional' | 'allows'>): Columns {
  const names = header.filter((h) => h !== '')
  const missing = kind.required.filter((anyOf) => !anyOf.some((c) => names.includes(c))).map((anyOf) => anyOf.join(' or '))
  if (missing.length > 0) throw importErrors.MISSING_COLUMNS({ missing })
  const duplicated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))]
  if (duplicated.length > 0) throw importErrors.DUPLICATE_COLUMNS({ duplicated })
  const known = new Set(kind.required.flat())
  const unknown = names.filter((n) => !known.has(n) && !kind.allows(n))
  if (unknown.length > 0) throw importErrors.UNKNOWN_COLUMNS({ unknown, allowed: [...known, ...kind.optional] })
  return header.map((h) => (h === '' ? null : h))
}

/**
 * A record's non-empty cells by column, plus a row error when it has values past the header's columns.
 * @example toCells(['externalId', 'name'], ['c-1', '']) // { cells: Map { 'externalId' => 'c-1' }, errors: [] }
 */
export function toCells(columns: Columns, values: readonly string[]): { cells: Cells; errors: CellIssue[] } {
  const cells = new Map<string, string>()
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]
    const value = values[i]
    if (column && value) cells.set(column, value)
  }
  const overflow = values.slice(columns.length).some((v) => v !== '')
  return { cells, errors: overflow ? [{ column: '(row)', message: `has ${values.length} cells, the header has ${columns.length}` }] : [] }
}
