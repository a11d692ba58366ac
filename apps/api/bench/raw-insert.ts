/**
 * @module
 * The benches' raw baseline: each request body inserted with one prepared better-sqlite3
 * statement, on a separate connection and file with the same pragmas as @rapport/db's writer.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'

/** @example const raw = openRawInsert(); app.post('/bench/raw', async (c) => { raw.insert(await c.req.text()); … }); raw.close() */
export function openRawInsert(): { insert(body: string): void; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-raw-'))
  const raw = new BetterSqlite3(join(dir, 'raw.db'))
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  raw.exec('CREATE TABLE raw_events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  const insert = raw.prepare('INSERT INTO raw_events (body) VALUES (?)')
  return {
    insert: (body) => { insert.run(body) },
    close() {
      raw.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
