/**
 * @module
 * The `rapport` command: start, migrate, seed-demo, create-admin, import, profile rebuild, backup,
 * restore, migrate-to-postgres, rotate-secret, and the commands plugins declare (`rapport points verify`).
 */
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { backupCommand, restoreCommand } from './backup-commands.js'
import { importCommand } from './import-command.js'
import { adminCommand, migrateCommand, rebuildCommand, seedCommand } from './db-commands.js'
import { isPluginTarget, pluginCommand, pluginUsage } from './plugin-command.js'
import { migrateToPostgresCommand } from './migrate-to-postgres-command.js'
import { rotateSecretCommand } from './rotate-secret-command.js'
import { startCommand } from './start-command.js'

const USAGE = `Usage: rapport <command> [options]

Commands:
  start                          start the server (PORT, HOST, DATABASE_URL, RAPPORT_SECRET, RAPPORT_DEMO)
  migrate                        bring the database schema up to date
  seed-demo [--customers N]      write the demo data set into an empty database
  create-admin --email E --name N --role owner|admin|agent|analyst   (password from RAPPORT_ADMIN_PASSWORD or prompted)
  import customers|orders FILE.csv [--mode all-or-nothing|valid-only]
  profile rebuild [--plugin NAME]  replay the event log through the scoring rules; prints the profile digest before and after
  backup FILE [--force]          copy the SQLite database to FILE while it serves (online backup)
  restore FILE [--force]         replace the SQLite database with a backup (refused while a server runs on it)
  migrate-to-postgres --to URL   copy the SQLite database into an empty PostgreSQL database, verified table by table
  rotate-secret [--new-secret-file FILE]   re-encrypt stored customer data under a new secret (RAPPORT_NEW_SECRET or the file); servers stopped

Plugin commands:
`

async function main(argv: string[]): Promise<number> {
  // A plugin's command takes its own arguments: they are not parsed here.
  if (argv[0] && isPluginTarget(argv[0])) return pluginCommand(loadConfig(), argv[0], argv.slice(1))
  if (argv[0] === 'migrate-to-postgres') return migrateToPostgresCommand(loadConfig(), argv.slice(1))
  if (argv[0] === 'rotate-secret') return rotateSecretCommand(loadConfig(), argv.slice(1))
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      customers: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' },
      mode: { type: 'string' }, plugin: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, ...rest] = positionals
  if (!command || values.help) { process.stdout.write(USAGE + pluginUsage()); return values.help ? 0 : 1 }
  const config = loadConfig()
  switch (command) {
    case 'start': return startCommand(config)
    case 'migrate': return migrateCommand(config)
    case 'seed-demo': return seedCommand(config, values.customers ? Number(values.customers) : undefined)
    case 'create-admin': return adminCommand(config, values)
    case 'import': return importCommand(config, rest, values.mode)
    case 'backup': return backupCommand(config, rest, values.force ?? false)
    case 'restore': return restoreCommand(config, rest, values.force ?? false)
    case 'profile':
      if (rest[0] !== 'rebuild') break
      return rebuildCommand(config, values.plugin)
  }
  process.stderr.write(`Unknown command ${positionals.join(' ')}\n\n${USAGE}${pluginUsage()}`)
  return 1
}

main(process.argv.slice(2)).then(
  (code) => { if (code !== -1) process.exitCode = code },
  (err: unknown) => { process.stderr.write(`rapport: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1 },
)
