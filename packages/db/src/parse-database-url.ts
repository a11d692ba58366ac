/**
 * @module
 * Turns the one configured database URL into what an adapter needs, plus a loggable description.
 */
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DbError } from './db-error.js'

/**
 * Where a database lives, by driver. `describe` never contains a password.
 * @example
 * const target: DatabaseTarget = { kind: 'sqlite', path: '/data/rapport.db', describe: 'sqlite:/data/rapport.db' }
 */
export type DatabaseTarget =
  | { kind: 'pg'; connectionString: string; describe: string }
  | { kind: 'pglite'; dataDir: string | undefined; describe: string }
  | { kind: 'sqlite'; path: string; describe: string }

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

/**
 * Classifies a database URL: `postgres://` / `postgresql://`, `pglite:` (memory) or `pglite:<dir>`,
 * anything else a SQLite path (`sqlite:` / `file:` prefixes and `:memory:` accepted).
 * @param url - the configured URL or path
 * @example
 * parseDatabaseUrl('postgres://app:secret@db/rapport').describe // 'postgres://app@db/rapport'
 * parseDatabaseUrl('./data/rapport.db') // { kind: 'sqlite', path: '/abs/data/rapport.db', describe: 'sqlite:/abs/data/rapport.db' }
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const value = url.trim()
  if (value === '') throw new DbError('DB_URL_INVALID', 'The database URL is empty', { details: { url } })
  const lower = value.toLowerCase()
  if (lower.startsWith('postgres://') || lower.startsWith('postgresql://')) return postgresTarget(value)
  if (lower.startsWith('pglite:')) return pgliteTarget(value.slice('pglite:'.length))
  if (lower.startsWith('file://')) return sqliteTarget(fileURLToPath(value))
  if (lower.startsWith('sqlite:')) return sqliteTarget(stripSlashes(value.slice('sqlite:'.length)))
  if (lower.startsWith('file:')) return sqliteTarget(value.slice('file:'.length))
  const scheme = SCHEME.exec(value)
  if (scheme) {
    throw new DbError('DB_URL_INVALID', `Unsupported database scheme "${scheme[1]}:" (use postgres://, pglite: or a SQLite path)`, {
      details: { scheme: scheme[1] },
    })
  }
  return sqliteTarget(value)
}

function postgresTarget(value: string): DatabaseTarget {
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch (cause) {
    throw new DbError('DB_URL_INVALID', 'The PostgreSQL URL cannot be parsed', { cause })
  }
  parsed.password = ''
  return { kind: 'pg', connectionString: value, describe: parsed.toString() }
}

function pgliteTarget(rest: string): DatabaseTarget {
  const dir = stripSlashes(rest)
  if (dir === '' || dir === 'memory' || dir === ':memory:') return { kind: 'pglite', dataDir: undefined, describe: 'pglite:memory' }
  const dataDir = resolve(dir)
  return { kind: 'pglite', dataDir, describe: `pglite:${dataDir}` }
}

function sqliteTarget(path: string): DatabaseTarget {
  if (path === '' ) throw new DbError('DB_URL_INVALID', 'The SQLite path is empty')
  if (path === ':memory:') return { kind: 'sqlite', path, describe: 'sqlite::memory:' }
  const abs = isAbsolute(path) ? path : resolve(path)
  return { kind: 'sqlite', path: abs, describe: `sqlite:${abs}` }
}

/** `sqlite:///abs/x.db` means `/abs/x.db` and `sqlite://./x.db` means `./x.db`, as in most ORMs. */
function stripSlashes(rest: string): string {
  return rest.startsWith('//') ? rest.slice(2) : rest
}
