/**
 * @module
 * `rapport satisfaction import-responses FILE.csv [--survey ID|NAME] [--mode all-or-nothing|valid-only]`:
 * the CSV import of `POST /imports/responses` from the command line. Prints the report as the
 * order import does (`rapport import orders`); exit code 0 when every row was valid, 2 otherwise.
 */
import { createReadStream } from 'node:fs'
import { createGroupTx, importRows, type PluginCommand, parseImportArgs, printRowImportReport } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { createCompiledVersions } from '../surveys/compiled-versions.js'
import { createPublishedVersions } from '../surveys/published-versions.js'
import { responseRows } from './response-rows.js'

const USAGE = 'Usage: rapport satisfaction import-responses FILE.csv [--survey ID|NAME] [--mode all-or-nothing|valid-only]'

/** @example definePlugin({ ..., commands: { 'import-responses': importResponsesCommand } }) */
export const importResponsesCommand: PluginCommand<SurveyConfig> = {
  summary: 'import past survey responses from a CSV on their own dates (FILE.csv [--survey ID|NAME] [--mode valid-only])',
  async run(ctx, io) {
    const args = parseImportArgs(io.args, ['survey'])
    if (typeof args === 'string') { io.print(args); io.print(USAGE); return 1 }
    const deps = Object.assign(Object.create(ctx) as typeof ctx, { compiled: createCompiledVersions(), versions: createPublishedVersions(), groupTx: createGroupTx(ctx.db) })
    const report = await importRows(ctx.db, responseRows(deps, args.values.survey), { csv: createReadStream(args.file) }, { mode: args.mode })
    return printRowImportReport(report, io.print)
  },
}
