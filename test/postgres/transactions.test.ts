/**
 * @rapport/db on a real PostgreSQL server, where several connections (and processes) write at
 * once: a deadlock victim is run again and both transactions commit; other errors are not
 * retried; several handles migrating one owner at once apply each migration once.
 */
import { createTables, migrate, openDatabase, t, table, type Database } from '@rapport/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshPostgresDatabase, type PostgresDatabase } from '../support/postgres-database.js'

describe('@rapport/db on a PostgreSQL server', () => {
  let pg: PostgresDatabase
  let db: Database

  beforeAll(async () => {
    pg = await freshPostgresDatabase('rapport_tx')
    db = await openDatabase(pg.url)
  }, 60_000)
  afterAll(async () => {
    await db?.close()
    await pg?.drop()
  })

  it('runs a deadlock victim again, so both transactions commit', async () => {
    await db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL); INSERT INTO accounts VALUES (1, 100), (2, 100)')
    // Each holds its first row before either asks for its second: a certain deadlock.
    let arrived = 0
    let release!: () => void
    const bothHoldOne = new Promise<void>((resolve) => { release = resolve })
    const attempts = { a: 0, b: 0 }
    const transfer = (name: 'a' | 'b', from: number, to: number) => db.tx(async (tx) => {
      attempts[name] += 1
      await tx.run('UPDATE accounts SET balance = balance - 10 WHERE id = ?', [from])
      if (++arrived === 2) release()
      await bothHoldOne
      await tx.run('UPDATE accounts SET balance = balance + 10 WHERE id = ?', [to])
    })
    await Promise.all([transfer('a', 1, 2), transfer('b', 2, 1)])
    expect(attempts.a + attempts.b).toBe(3)
    expect(await db.all('SELECT id, balance FROM accounts ORDER BY id')).toEqual([{ id: 1, balance: 100 }, { id: 2, balance: 100 }])
  })

  it('does not retry other errors', async () => {
    let attempts = 0
    await expect(db.tx(async (tx) => {
      attempts += 1
      await tx.run('INSERT INTO accounts VALUES (?, ?)', [1, 5])
    })).rejects.toMatchObject({ code: '23505' })
    expect(attempts).toBe(1)
  })

  it('applies an owner’s migrations once when several handles migrate at the same time', async () => {
    const handles = await Promise.all([1, 2, 3].map(() => openDatabase(pg.url)))
    try {
      const notes = table('race_notes', { id: t.text().primaryKey(), body: t.text().notNull() })
      const results = await Promise.all(handles.map((h) => migrate(h, 'race', [createTables('0001_notes', [notes])])))
      expect(results.flatMap((r) => r.applied)).toEqual(['0001_notes'])
      expect(await db.all('SELECT id FROM race_migrations')).toEqual([{ id: '0001_notes' }])
    } finally {
      await Promise.all(handles.map((h) => h.close()))
    }
  })

  it('talks to a server on this machine over its Unix socket, and to one named with sslmode as written', async () => {
    // inet_server_addr() is NULL over a Unix socket.
    expect(await db.get('SELECT host(inet_server_addr()) AS addr')).toEqual({ addr: null })
    const asWritten = await openDatabase(`${pg.url}?sslmode=disable`)
    try {
      expect(await asWritten.get('SELECT host(inet_server_addr()) AS addr')).toEqual({ addr: '127.0.0.1' })
    } finally {
      await asWritten.close()
    }
  })
})
