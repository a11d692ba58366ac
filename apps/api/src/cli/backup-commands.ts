/**
 * @module
 * `rapport backup FILE` and `rapport restore FILE [--force]` for the SQLite database.
 *
 * Backup uses SQLite's online backup API (better-sqlite3 `backup`) on a connection of its own,
 * copying every page in one step: in WAL mode that step reads one consistent snapshot while the
 * server keeps writing (a page-by-page backup would restart each time another process writes).
 * Restore checks the file is a healthy Rapport database, refuses while a server runs on the
 * target (the server's marker file names a live process) unless `--force`, refuses to replace an
 * existing database without `--force`, then copies into a temporary file and renames it over the
 * target so a failed restore leaves the old database whole. PostgreSQL uses its own tools
 * (`pg_dump` / `pg_restore`, see the README).
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { parseDatabaseUrl } from '@rapport/db'
import type { ApiConfig } from '../config.js'
import { liveServerOn } from './server-marker.js'

type Print = (line: string) => void
const out: Print = (line) => { process.stdout.write(`${line}\n`) }
const err: Print = (line) => { process.stderr.write(`${line}\n`) }

/** The SQLite file of the configured database, or undefined (with a message) for PostgreSQL. */
function sqlitePath(config: ApiConfig, what: string): string | undefined {
  const target = parseDatabaseUrl(config.databaseUrl)
  if (target.kind === 'sqlite' && target.path !== ':memory:') return target.path
  err(`rapport ${what} works on a SQLite database file; ${target.describe} is not one. For PostgreSQL use pg_dump and pg_restore (see the README, "Backup and restore").`)
  return undefined
}

/**
 * Why `file` is not a usable Rapport database, or undefined when it is: it opens as SQLite,
 * passes `PRAGMA integrity_check`, and has core's migrations applied.
 */
export function checkRapportDatabase(file: string): string | undefined {
  if (!existsSync(file)) return `${file} does not exist`
  let db: BetterSqlite3.Database | undefined
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return `${file} fails the SQLite integrity check: ${String(integrity)}`
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'core_migrations'").get()
    if (!table) return `${file} is a SQLite database but not a Rapport one (no core_migrations table)`
    const applied = (db.prepare('SELECT COUNT(*) AS n FROM core_migrations').get() as { n: number }).n
    if (applied === 0) return `${file} has no Rapport migrations applied`
    return undefined
  } catch (e) {
    return `${file} is not a SQLite database (${e instanceof Error ? e.message : String(e)})`
  } finally {
    db?.close()
  }
}

/** Copies `from` into `to` with the online backup API, all pages in one step (one snapshot). */
async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new BetterSqlite3(from, { readonly: true, fileMustExist: true })
  source.pragma('busy_timeout = 5000')
  try {
    await source.backup(to, { progress: ({ totalPages }) => Math.max(totalPages, 1) })
  } finally {
    source.close()
  }
}

/** `rapport backup FILE [--force]`: 0 on success, 1 on refusal, 2 when the copy fails its check. */
export async function backupCommand(config: ApiConfig, [file]: string[], force: boolean): Promise<number> {
  if (!file) { err('Usage: rapport backup FILE [--force]'); return 1 }
  const source = sqlitePath(config, 'backup')
  if (!source) return 1
  const problem = checkSource(source)
  if (problem) { err(problem); return 1 }
  const target = resolve(file)
  if (target === resolve(source)) { err('The backup file cannot be the database itself'); return 1 }
  if (existsSync(target) && !force) { err(`${target} exists: choose another file or pass --force to replace it`); return 1 }
  const started = Date.now()
  const partial = `${target}.partial-${process.pid}`
  try {
    await copyDatabase(source, partial)
    const bad = checkRapportDatabase(partial)
    if (bad) { err(`The backup did not verify: ${bad}`); return 2 }
    renameSync(partial, target)
  } finally {
    rmSync(partial, { force: true })
  }
  out(`Backed up ${source} to ${target} (${(statSync(target).size / 1024).toFixed(0)} KiB in ${Date.now() - started} ms).`)
  out('Keep RAPPORT_SECRET (or the secret file beside the database) with it: encrypted customer fields need it.')
  return 0
}

function checkSource(source: string): string | undefined {
  if (!existsSync(source)) return `There is no database at ${source}`
  return undefined
}

/** `rapport restore FILE [--force]`: 0 on success, 1 on refusal. */
export async function restoreCommand(config: ApiConfig, [file]: string[], force: boolean): Promise<number> {
  if (!file) { err('Usage: rapport restore FILE [--force]'); return 1 }
  const target = sqlitePath(config, 'restore')
  if (!target) return 1
  const from = resolve(file)
  if (from === resolve(target)) { err('The backup file is the database itself: nothing to restore'); return 1 }
  const bad = checkRapportDatabase(from)
  if (bad) { err(`Refusing to restore: ${bad}`); return 1 }
  const live = liveServerOn(target)
  if (live && !force) { err(`Refusing to restore: a Rapport server (pid ${live.pid}, ${live.url}) is running on ${target}. Stop it first, or pass --force.`); return 1 }
  if (existsSync(target) && !force) { err(`${target} exists: pass --force to replace it with ${from}`); return 1 }
  const partial = `${target}.restoring-${process.pid}`
  try {
    await copyDatabase(from, partial)
    const copied = checkRapportDatabase(partial)
    if (copied) { err(`The restored copy did not verify: ${copied}`); return 1 }
    // The old database's WAL and shared memory belong to the old file: they must not be replayed into the new one.
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
    renameSync(partial, target)
  } finally {
    rmSync(partial, { force: true })
  }
  out(`Restored ${from} into ${target}.`)
  if (!existsSync(resolve(dirname(target), 'secret')) && !process.env.RAPPORT_SECRET) out('No secret beside the database and no RAPPORT_SECRET: set the secret the backup was made with, or encrypted customer fields stay unreadable.')
  return 0
}
