/**
 * @module
 * The command-line side of a plugin's history import (`rapport satisfaction import-responses`,
 * `rapport complaints import-cases`): the same arguments and the same printed report for every
 * plugin, so each command only names its rows.
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { IMPORT_MODES, type ImportMode } from './import-report.js'
import type { RowImportReport } from './import-rows.js'

/** The parsed `FILE.csv [--mode M]`, with the command's own string options in `values`. */
export type ImportArgs = { file: string; mode: ImportMode; values: Record<string, string | undefined> }

/**
 * Parses `FILE.csv [--mode all-or-nothing|valid-only]` plus the command's own string options, or
 * returns the line to print when the arguments are wrong.
 * @example
 * const args = parseImportArgs(io.args, ['survey'])
 * if (typeof args === 'string') { io.print(args); return 1 }
 */
export function parseImportArgs(args: readonly string[], stringOptions: readonly string[] = []): ImportArgs | string {
  const options = Object.fromEntries(['mode', ...stringOptions].map((name) => [name, { type: 'string' as const }]))
  let parsed: { positionals: string[]; values: Record<string, string | boolean | undefined> }
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options })
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

/**
 * Prints a plugin import's report as `rapport import orders` does and returns the exit code:
 * 0 when every row was valid, 2 otherwise.
 * @example return printRowImportReport(report, io.print)
 */
export function printRowImportReport(report: RowImportReport, print: (line: string) => void): number {
  print(`${report.rows} rows: ${report.imported} imported, ${report.duplicates} duplicates, ${report.invalid.length} invalid`)
  for (const bad of report.invalid.slice(0, 50)) print(`  row ${bad.row}: ${bad.errors.map((e) => `${e.column}: ${e.code} ${e.message}`).join('; ')}`)
  if (report.invalid.length > 50) print(`  … and ${report.invalid.length - 50} more`)
  if (!report.committed) print('Nothing was imported (all-or-nothing). Fix the rows above, or use --mode valid-only.')
  return report.invalid.length === 0 ? 0 : 2
}
