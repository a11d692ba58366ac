/**
 * @module
 * `rapport complaints import-cases FILE.csv [--mode all-or-nothing|valid-only]`: the CSV import of
 * `POST /imports/cases` from the command line, recorded as done by `system:import`. Prints the
 * report as the order import does (`rapport import orders`); exit code 0 when every row was
 * valid, 2 otherwise, 1 for bad arguments.
 */
import { createReadStream, existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { IMPORT_MODES, type ImportMode, importRows, type PluginCommand } from '@rapport/plugin-sdk'
import type { ComplaintsConfig } from '../config.js'
import { caseRows } from './case-rows.js'

const USAGE = 'Usage: rapport complaints import-cases FILE.csv [--mode all-or-nothing|valid-only]'

function argsOf(args: readonly string[]): { file: string; mode: ImportMode } | string {
  let parsed: { positionals: string[]; values: { mode?: string | undefined } }
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { mode: { type: 'string' } } })
  } catch (err) {
    return (err as Error).message
  }
  const [file, ...rest] = parsed.positionals
  const mode = (parsed.values.mode ?? 'all-or-nothing') as ImportMode
  if (!file || rest.length > 0) return 'Give one CSV file'
  if (!IMPORT_MODES.includes(mode)) return '--mode is all-or-nothing (default) or valid-only'
  if (!existsSync(file)) return `No file ${file}`
  return { file, mode }
}

/** @example definePlugin({ ..., commands: { 'import-cases': importCasesCommand } }) */
export const importCasesCommand: PluginCommand<ComplaintsConfig> = {
  summary: 'import past complaint cases from a CSV on their own dates (FILE.csv [--mode valid-only])',
  async run(ctx, io) {
    const args = argsOf(io.args)
    if (typeof args === 'string') { io.print(args); io.print(USAGE); return 1 }
    const report = await importRows(ctx.db, caseRows(ctx, 'system:import'), { csv: createReadStream(args.file) }, { mode: args.mode })
    io.print(`${report.rows} rows: ${report.imported} imported, ${report.duplicates} duplicates, ${report.invalid.length} invalid`)
    for (const bad of report.invalid.slice(0, 50)) io.print(`  row ${bad.row}: ${bad.errors.map((e) => `${e.column}: ${e.code} ${e.message}`).join('; ')}`)
    if (report.invalid.length > 50) io.print(`  … and ${report.invalid.length - 50} more`)
    if (!report.committed) io.print('Nothing was imported (all-or-nothing). Fix the rows above, or use --mode valid-only.')
    return report.invalid.length === 0 ? 0 : 2
  },
}
