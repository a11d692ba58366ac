/**
 * @module
 * Did a request change the database? Two measures, both through the test's own connection:
 *
 * - a write counter: one trigger per tracked table (insert, update, delete) bumps a per-table
 *   count in `zz_write_watch`. Trigger writes belong to the transaction that fired them, so a
 *   rolled-back write leaves the counter as it was: the counter moves exactly when a change was
 *   committed. Reading it is one query, cheap enough to check around every single request.
 * - a digest: row counts plus a SHA-256 of every row of every tracked table, to cross-check
 *   the counter at batch boundaries and to compare where the counter is not installed.
 *
 * Tables that change on refused requests by design are not tracked: sessions (touched by every
 * signed-in request), the sign-in throttle and the public-link and public-form rate windows
 * (they count refused attempts), and an API key's `last_used_at`.
 */
import { createHash } from 'node:crypto'
import type { Database } from '@rapport/db'

export const VOLATILE_TABLES = ['core_sessions', 'core_login_throttle', 'satisfaction_rate_hits', 'complaints_form_hits']
const VOLATILE_COLUMNS: Record<string, string[]> = { core_api_keys: ['last_used_at'] }
const WATCH = 'zz_write_watch'

async function tables(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>(db.dialect === 'sqlite'
    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
  return rows.map((r) => r.name).filter((n) => n !== WATCH && !VOLATILE_TABLES.includes(n))
}

async function columns(db: Database, table: string): Promise<string[]> {
  if (db.dialect === 'sqlite') return (await db.all<{ name: string }>(`PRAGMA table_info("${table}")`)).map((c) => c.name)
  return (await db.all<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?', [table])).map((c) => c.name)
}

/** Installs the counter triggers; returns a reader of the committed write counts per table. */
export async function watchWrites(db: Database): Promise<() => Promise<Record<string, number>>> {
  const watched = await tables(db)
  await db.exec(`CREATE TABLE ${WATCH} (table_name TEXT PRIMARY KEY, n INTEGER NOT NULL)`)
  if (db.dialect !== 'sqlite') {
    await db.exec(`CREATE FUNCTION zz_count_write() RETURNS trigger AS $$ BEGIN UPDATE ${WATCH} SET n = n + 1 WHERE table_name = TG_TABLE_NAME; RETURN NULL; END $$ LANGUAGE plpgsql`)
  }
  for (const table of watched) {
    await db.run(`INSERT INTO ${WATCH} (table_name, n) VALUES ('${table}', 0)`)
    const skip = VOLATILE_COLUMNS[table]
    const updateOf = skip ? ` OF ${(await columns(db, table)).filter((c) => !skip.includes(c)).map((c) => `"${c}"`).join(', ')}` : ''
    if (db.dialect === 'sqlite') {
      for (const [op, suffix] of [['INSERT', 'i'], ['DELETE', 'd'], [`UPDATE${updateOf}`, 'u']] as const) {
        await db.exec(`CREATE TRIGGER "zz_ww_${table}_${suffix}" AFTER ${op} ON "${table}" BEGIN UPDATE ${WATCH} SET n = n + 1 WHERE table_name = '${table}'; END`)
      }
    } else {
      await db.exec(`CREATE TRIGGER "zz_ww_${table}" AFTER INSERT OR DELETE OR UPDATE${updateOf} ON "${table}" FOR EACH ROW EXECUTE FUNCTION zz_count_write()`)
    }
  }
  return async () => Object.fromEntries((await db.all<{ table_name: string; n: number }>(`SELECT table_name, n FROM ${WATCH}`)).map((r) => [r.table_name, Number(r.n)]))
}

/** Row counts and a hash of every row of every tracked table. */
export async function digest(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const table of await tables(db)) {
    const skip = VOLATILE_COLUMNS[table] ?? []
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM "${table}"`)
    const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !skip.includes(k)), (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))).sort()
    out[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('base64url').slice(0, 16)}`
  }
  return out
}

/** The tables whose counts or digests differ. */
export const changedTables = (before: Record<string, string | number>, after: Record<string, string | number>): string[] =>
  Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k])
