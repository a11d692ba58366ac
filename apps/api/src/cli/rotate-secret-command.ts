/**
 * @module
 * `rapport rotate-secret`: replaces RAPPORT_SECRET. The new secret comes from RAPPORT_NEW_SECRET
 * or `--new-secret-file FILE`, never from an argument (arguments land in shell history and in
 * `ps`). Every server must be stopped first: on SQLite the command refuses while the server
 * marker names a live process; on PostgreSQL it cannot tell, so the operator must stop every
 * API process. In one transaction every encrypted value is re-keyed (see rotate-stored-secrets);
 * then, when the current secret was read from the `secret` file beside the data, the new one
 * replaces it (written and synced to a temporary file before the transaction, renamed over the
 * old one after the commit: the new secret is on disk before the database depends on it). Otherwise the
 * operator sets RAPPORT_SECRET to the new value. Customer links issued before stop verifying.
 */
import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { migrateCore } from '@rapport/core'
import { openDatabase, parseDatabaseUrl } from '@rapport/db'
import type { ApiConfig } from '../config.js'
import { assertNewSecret, RotationError, rotateStoredSecrets, type RotationReport } from './rotate-stored-secrets.js'
import { liveServerOn } from './server-marker.js'

type Print = (line: string) => void

/** Where the command reads the new secret from and prints to (the process's own by default). */
export type RotateSecretIo = { env?: NodeJS.ProcessEnv; out?: Print; err?: Print }

/**
 * `rapport rotate-secret [--new-secret-file FILE]` (its own arguments, parsed here).
 * @param config - the configured database and the current secret
 * @param argv - the words after the command name
 * @param io - environment (RAPPORT_NEW_SECRET) and output; the process's own by default
 * @returns 0 when rotated, 1 when refused (a coded message; nothing changed)
 * @example (umask 077; openssl rand -base64 32 > new-secret) && rapport rotate-secret --new-secret-file new-secret
 */
export async function rotateSecretCommand(config: ApiConfig, argv: readonly string[], {
  env = process.env,
  out = (line) => { process.stdout.write(`${line}\n`) },
  err = (line) => { process.stderr.write(`${line}\n`) },
}: RotateSecretIo = {}): Promise<number> {
  try {
    if (config.secretGeneratedAt) {
      // loadConfig has just made this secret up: there is nothing it could decrypt, so take it back.
      rmSync(config.secretGeneratedAt, { force: true })
      throw new RotationError('ROTATE_NO_CURRENT_SECRET', 'RAPPORT_SECRET is not set and there is no secret file beside the database: set the secret the data was written with')
    }
    const newSecret = readNewSecret(argv, env)
    const report = await rotate(config, newSecret, out)
    printReport(report, out)
    return 0
  } catch (e) {
    if (e instanceof RotationError) {
      err(`rapport rotate-secret: ${e.code}: ${e.message}`)
      return 1
    }
    throw e
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: { 'new-secret-file': { type: 'string' } }, allowPositionals: true, strict: true })
  } catch (e) {
    throw new RotationError('ROTATE_ARGUMENTS_INVALID', e instanceof Error ? e.message : String(e))
  }
}

function readNewSecret(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const parsed = parse(argv)
  if (parsed.positionals.length > 0) {
    throw new RotationError('ROTATE_ARGUMENTS_INVALID', 'The new secret is never taken as an argument (it would land in shell history and in ps): set RAPPORT_NEW_SECRET or pass --new-secret-file FILE')
  }
  const file = parsed.values['new-secret-file']
  const fromEnv = env.RAPPORT_NEW_SECRET
  if (file !== undefined && fromEnv !== undefined) throw new RotationError('ROTATE_NEW_SECRET_AMBIGUOUS', 'Both RAPPORT_NEW_SECRET and --new-secret-file are given: use one')
  if (file === undefined && fromEnv === undefined) throw new RotationError('ROTATE_NEW_SECRET_REQUIRED', 'Give the new secret in RAPPORT_NEW_SECRET or in a file named by --new-secret-file (for example 32 random bytes, base64url)')
  if (file === undefined) return fromEnv!.trim()
  try {
    return readFileSync(file, 'utf8').trim()
  } catch (e) {
    throw new RotationError('ROTATE_NEW_SECRET_FILE_UNREADABLE', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
}

async function rotate(config: ApiConfig, newSecret: string, out: Print): Promise<RotationReport> {
  assertNewSecret(config.secret, newSecret)
  const target = parseDatabaseUrl(config.databaseUrl)
  if (target.kind === 'sqlite') {
    if (target.path === ':memory:' || !existsSync(target.path)) throw new RotationError('ROTATE_DATABASE_MISSING', `There is no database at ${target.describe}: check DATABASE_URL`)
    const live = liveServerOn(target.path)
    if (live) throw new RotationError('ROTATE_SERVER_RUNNING', `A Rapport server (pid ${live.pid}, ${live.url}) is running on ${target.describe}: stop it first, then rotate`)
  }
  // The new secret reaches the disk (synced) before the transaction, so a failure after the commit cannot lose it.
  const file = config.secretFile
  const pending = file ? `${file}.rotating-${process.pid}` : undefined
  if (pending) writeSecretFile(pending, newSecret)
  let report: RotationReport | undefined
  try {
    const db = await openDatabase(config.databaseUrl)
    try {
      await migrateCore(db)
      out(`Re-keying ${target.describe} (every server must be stopped)…`)
      report = await rotateStoredSecrets(db, { currentSecret: config.secret, newSecret })
    } finally {
      await db.close()
    }
  } finally {
    // Before the commit the pending file is worthless; after it, it may be the only copy on disk.
    if (pending && !report) rmSync(pending, { force: true })
  }
  if (!file || !pending) {
    out('Now set RAPPORT_SECRET to the new secret wherever the server is started: the old one no longer reads this database.')
    return report
  }
  try {
    renameSync(pending, file)
  } catch (e) {
    throw new RotationError('ROTATE_SECRET_FILE_NOT_REPLACED', `The database now uses the new secret, but ${file} could not be replaced (${(e as NodeJS.ErrnoException).code ?? String(e)}): the new secret is in ${pending}; move it to ${file} before starting the server`)
  }
  out(`Wrote the new secret to ${file}.`)
  return report
}

/** Writes the secret readable by its owner only and flushes it to the disk. */
function writeSecretFile(path: string, secret: string): void {
  const fd = openSync(path, 'w', 0o600)
  try {
    fchmodSync(fd, 0o600)
    writeSync(fd, `${secret}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function printReport(r: RotationReport, out: Print): void {
  out(`Rotated: ${r.customers} customer(s), ${r.emails} email(s) and ${r.phones} phone number(s) re-encrypted and re-hashed; ${r.throttleEntriesCleared} sign-in throttle entr${r.throttleEntriesCleared === 1 ? 'y' : 'ies'} cleared.`)
  out('Customer links issued before now no longer verify: send new ones. Backups made before now still need the old secret.')
}
