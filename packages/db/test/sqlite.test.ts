import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DbError, openDatabase, type Database } from '../src/index.js'
import { createStatementCache } from '../src/statement-cache.js'
import { deferred, sleep } from './support/test-db.js'

describe('SQLite specifics', () => {
  let dir = ''
  const open: Database[] = []
  const openIn = async (path: string) => {
    const db = await openDatabase(path)
    open.push(db)
    return db
  }
  const fresh = () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-sqlite-'))
    return dir
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()))
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('creates the parent folder, accepts sqlite: and file: prefixes, and describes the path', async () => {
    const path = join(fresh(), 'nested', 'deeper', 'app.db')
    const db = await openIn(`sqlite:${path}`)
    expect(existsSync(path)).toBe(true)
    expect(db.describe).toBe(`sqlite:${path}`)
    expect((await openIn(`file:${path}`)).describe).toBe(`sqlite:${path}`)
  })

  it('sets WAL, foreign keys, busy timeout and synchronous NORMAL on the writer', async () => {
    const db = await openIn(join(fresh(), 'app.db'))
    await db.tx(async (tx) => {
      expect(await tx.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 })
      expect(await tx.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 })
      expect(await tx.get('PRAGMA synchronous')).toEqual({ synchronous: 1 })
    })
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' })
  })

  it('answers reads from the reader connection while a transaction is open', async () => {
    const db = await openIn(join(fresh(), 'app.db'))
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)')
    const gate = deferred()
    const opened = deferred()
    const txDone = db.tx(async (tx) => {
      await tx.run('INSERT INTO t (id) VALUES (1)')
      opened.resolve()
      await gate.promise
    })
    await opened.promise
    expect(await db.all('SELECT id FROM t')).toEqual([])
    gate.resolve()
    await txDone
    expect(await db.all('SELECT id FROM t')).toEqual([{ id: 1 }])
  })

  it('uses one connection for :memory:, where reads wait for an open transaction', async () => {
    const db = await openIn(':memory:')
    expect(db.describe).toBe('sqlite::memory:')
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)')
    const gate = deferred()
    const txDone = db.tx(async (tx) => {
      await tx.run('INSERT INTO t (id) VALUES (1)')
      await gate.promise
      throw new Error('undo')
    })
    const read = db.all('SELECT id FROM t')
    expect(await Promise.race([read, sleep(30).then(() => 'waiting')])).toBe('waiting')
    gate.resolve()
    await expect(txDone).rejects.toThrow('undo')
    expect(await read).toEqual([])
  })

  it('waits for a running transaction on close, then refuses with DB_CLOSED', async () => {
    const path = join(fresh(), 'app.db')
    const db = await openDatabase(path)
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)')
    const gate = deferred()
    const txDone = db.tx(async (tx) => {
      await gate.promise
      await tx.run('INSERT INTO t (id) VALUES (1)')
    })
    const closed = db.close()
    await expect(db.get('SELECT 1')).rejects.toMatchObject({ code: 'DB_CLOSED' })
    await expect(db.tx(async () => 1)).rejects.toBeInstanceOf(DbError)
    gate.resolve()
    await txDone
    await closed
    expect(await db.ping()).toBe(false)
    const check = new BetterSqlite3(path, { readonly: true })
    expect(check.prepare('SELECT id FROM t').all()).toEqual([{ id: 1 }])
    check.close()
  })

  it('keeps a bounded statement cache, dropping the least recently used', () => {
    const conn = new BetterSqlite3(':memory:')
    const cache = createStatementCache(conn, 2)
    const a = cache.get('SELECT 1')
    cache.get('SELECT 2')
    expect(cache.get('SELECT 1')).toBe(a)
    cache.get('SELECT 3')
    expect(cache.size).toBe(2)
    expect(cache.get('SELECT 1')).toBe(a)
    conn.close()
  })
})
