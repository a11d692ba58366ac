/**
 * @module
 * What an import reports, as a type and as the zod schema of the import routes' answers.
 */
import { z } from '@hono/zod-openapi'

/** What a CSV holds. @example z.enum(IMPORT_KINDS) */
export const IMPORT_KINDS = ['customers', 'orders'] as const
/** `customers` or `orders`. */
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** `all-or-nothing`: any invalid row and nothing is written. `valid-only`: valid rows are written, invalid ones reported. @example z.enum(IMPORT_MODES) */
export const IMPORT_MODES = ['all-or-nothing', 'valid-only'] as const
/** How an import treats invalid rows. */
export type ImportMode = (typeof IMPORT_MODES)[number]

/** Why one cell (or, with column `(row)`, the whole row) was refused. */
export type CellIssue = { column: string; message: string }

/** An invalid row: `row` counts records with the header as row 1 (empty lines are not counted). */
export type InvalidRow = { row: number; errors: CellIssue[] }

/** The outcome of an import. */
export type ImportReport = {
  kind: ImportKind
  mode: ImportMode
  /** Data rows read (the header not included). */
  rows: number
  /** Rows that created something: a new order event, a new customer. */
  imported: number
  /** Rows already known: an order event with the same id, or a customer whose externalId exists (its fields were updated). */
  duplicates: number
  invalid: InvalidRow[]
  /** False when nothing was written (all-or-nothing with invalid rows). */
  committed: boolean
}

const cellIssue = z.object({ column: z.string(), message: z.string() })

/** The import report as the API answers it. @example responses: { 200: jsonResponse(importReportSchema, 'Imported') } */
export const importReportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    mode: z.enum(IMPORT_MODES),
    rows: z.int(),
    imported: z.int().openapi({ description: 'Rows that created an order event or a customer' }),
    duplicates: z.int().openapi({ description: 'Orders whose event id was already stored; customers whose externalId existed (their non-empty cells were applied)' }),
    invalid: z.array(z.object({ row: z.int().openapi({ description: 'The header is row 1; empty lines are not counted' }), errors: z.array(cellIssue) })),
    committed: z.boolean(),
  })
  .openapi('ImportReport')
