import { createReadStream, existsSync } from 'node:fs'
import { createPluginHost, createLogger, importCsv } from '@rapport/core'
import type { ApiConfig } from '../config.js'
import { pluginsToInstall } from '../installed-plugins.js'
import { withServices } from './db-commands.js'

/**
 * `rapport import customers|orders FILE.csv`: prints progress, then the validation report. The
 * plugins run as they do behind `POST /api/v1/imports/orders`: each order goes through their rules
 * and subscribers, and their jobs are replayed between the orders at their own times, so the
 * history a command-line import leaves is the one the shop would have had living through it.
 */
export async function importCommand(config: ApiConfig, [kind, file]: string[], mode: string | undefined): Promise<number> {
  if ((kind !== 'customers' && kind !== 'orders') || !file) {
    process.stderr.write('Usage: rapport import customers|orders FILE.csv [--mode all-or-nothing|valid-only]\n')
    return 1
  }
  if (mode !== undefined && mode !== 'all-or-nothing' && mode !== 'valid-only') {
    process.stderr.write('--mode is all-or-nothing (default) or valid-only\n')
    return 1
  }
  if (!existsSync(file)) {
    process.stderr.write(`No file ${file}\n`)
    return 1
  }
  const started = Date.now()
  const report = await withServices(config, async (s) => {
    const host = createPluginHost(s, await pluginsToInstall(config.plugins, createLogger({ level: 'warn' })))
    await host.start()
    return importCsv(s, kind, createReadStream(file), {
      mode: mode ?? 'all-or-nothing',
      // Not a signed-in user: the audit entry and the orders' actor say the system imported them.
      caller: { kind: 'system' },
      onProgress: ({ rowsRead, rowsImported }) => process.stdout.write(`  ${rowsRead} rows read, ${rowsImported} imported\n`),
    })
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${report.rows} rows: ${report.imported} imported, ${report.duplicates} duplicates, ${report.invalid.length} invalid (${seconds} s)\n`)
  for (const bad of report.invalid.slice(0, 50)) {
    process.stdout.write(`  row ${bad.row}: ${bad.errors.map((e) => `${e.column}: ${e.message}`).join('; ')}\n`)
  }
  if (report.invalid.length > 50) process.stdout.write(`  … and ${report.invalid.length - 50} more\n`)
  if (!report.committed) process.stdout.write('Nothing was imported (all-or-nothing). Fix the rows above, or use --mode valid-only.\n')
  return report.invalid.length === 0 ? 0 : 2
}
