/**
 * @module
 * `rapport complaints import-cases FILE.csv [--mode all-or-nothing|valid-only]`: the CSV import of
 * `POST /imports/cases` from the command line, recorded as done by `system:import`. Prints the
 * report as the order import does (`rapport import orders`); exit code 0 when every row was
 * valid, 2 otherwise, 1 for bad arguments.
 */
import { createReadStream } from 'node:fs'
import { importRows, type PluginCommand, parseImportArgs, printRowImportReport } from '@rapport/plugin-sdk'
import type { ComplaintsConfig } from '../config.js'
import { caseRows } from './case-rows.js'

const USAGE = 'Usage: rapport complaints import-cases FILE.csv [--mode all-or-nothing|valid-only]'

/** @example definePlugin({ ..., commands: { 'import-cases': importCasesCommand } }) */
export const importCasesCommand: PluginCommand<ComplaintsConfig> = {
  summary: 'import past complaint cases from a CSV on their own dates (FILE.csv [--mode valid-only])',
  async run(ctx, io) {
    const args = parseImportArgs(io.args)
    if (typeof args === 'string') { io.print(args); io.print(USAGE); return 1 }
    const report = await importRows(ctx.db, caseRows(ctx, 'system:import'), { csv: createReadStream(args.file) }, { mode: args.mode })
    return printRowImportReport(report, io.print)
  },
}
