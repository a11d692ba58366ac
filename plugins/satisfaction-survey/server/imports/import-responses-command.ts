/**
 * @module
 * `rapport satisfaction import-responses FILE.csv [--survey ID|NAME] [--mode all-or-nothing|valid-only]`:
 * the CSV import of `POST /imports/responses` from the command line. Prints the report as the
 * order import does (`rapport import orders`); exit code 0 when every row was valid, 2 otherwise.
 */
import { createReadStream, existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createGroupTx, IMPORT_MODES, type ImportMode, importRows, type PluginCommand, type RowImportReport } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { createCompiledVersions } from '../surveys/compiled-versions.js'
import { createPublishedVersions } from '../surveys/published-versions.js'
import { responseRows } from './response-rows.js'

const USAGE = 'Usage: rapport satisfaction import-responses FILE.csv [--survey ID|NAME] [--mode all-or-nothing|valid-only]'

/** Prints a report as `rapport import` does. @example printReport(report, io.print) */
export function printReport(report: RowImportReport, print: (line: string) => void): number {
  print(`${report.rows} rows: ${report.imported} imported, ${report.duplicates} duplicates, ${report.invalid.length} invalid`)
  for (const bad of report.invalid.slice(0, 50)) print(`  row ${bad.row}: ${bad.errors.map((e) => `${e.column}: ${e.code} ${e.message}`).join('; ')}`)
  if (report.invalid.length > 50) print(`  … and ${report.invalid.length - 50} more`)
  if (!report.committed) print('Nothing was imported (all-or-nothing). Fix the rows above, or use --mode valid-only.')
  return report.invalid.length === 0 ? 0 : 2
}

/** Parses `FILE [--mode M] [--survey S]`, or returns the line to print. */
export function importArgs(args: readonly string[], extra: Record<string, { type: 'string' }> = {}): { file: string; mode: ImportMode; values: Record<string, string | undefined> } | string {
  let parsed: { positionals: string[]; values: Record<string, string | boolean | undefined> }
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { mode: { type: 'string' }, ...extra } })
  } catch (err) {
    return (err as Error).message
  }
  const [file, ...rest] = parsed.positionals
  const mode = (parsed.values.mode ?? 'all-or-nothing') as ImportMode
  if (!file || rest.length > 0) return 'Give one CSV file'
  if (!IMPORT_MODES.includes(mode)) return '--mode is all-or-nothing (default) or valid-only'
  if (!existsSync(file)) return `No file ${file}`
  return { file, mode, values: parsed.values as Record<string, string | undefined> }
}

/** @example definePlugin({ ..., commands: { 'import-responses': importResponsesCommand } }) */
export const importResponsesCommand: PluginCommand<SurveyConfig> = {
  summary: 'import past survey responses from a CSV on their own dates (FILE.csv [--survey ID|NAME] [--mode valid-only])',
  async run(ctx, io) {
    const args = importArgs(io.args, { survey: { type: 'string' } })
    if (typeof args === 'string') { io.print(args); io.print(USAGE); return 1 }
    const deps = Object.assign(Object.create(ctx) as typeof ctx, { compiled: createCompiledVersions(), versions: createPublishedVersions(), groupTx: createGroupTx(ctx.db) })
    const report = await importRows(ctx.db, responseRows(deps, args.values.survey), { csv: createReadStream(args.file) }, { mode: args.mode })
    return printReport(report, io.print)
  },
}
