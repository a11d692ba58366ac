import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, dialects, START_TIMEOUT, type TestDb } from './support/test-db.js'

describe.each(dialects)('queries on %s', (dialect) => {
  let h: TestDb
  beforeAll(async () => {
    h = await createTestDb(dialect)
  }, START_TIMEOUT)
  beforeEach(async () => {
    await h.reset()
    const blob = h.db.dialect === 'sqlite' ? 'BLOB' : 'BYTEA'
    await h.db.exec(`CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount BIGINT, flag SMALLINT, data ${blob})`)
  })
  afterAll(() => h.close())

  it('runs all, get and run with ? placeholders', async () => {
    expect(await h.db.run('INSERT INTO items (id, name, amount) VALUES (?, ?, ?), (?, ?, ?)', [1, 'a', 10, 2, 'b', 20])).toEqual({ changes: 2 })
    expect(await h.db.all('SELECT id, name FROM items ORDER BY id')).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }])
    expect(await h.db.get('SELECT name FROM items WHERE id = ?', [2])).toEqual({ name: 'b' })
    expect(await h.db.get('SELECT name FROM items WHERE id = ?', [3])).toBeUndefined()
    expect(await h.db.run('UPDATE items SET name = ? WHERE amount >= ?', ['z', 0])).toEqual({ changes: 2 })
    expect(await h.db.run('DELETE FROM items WHERE id = ?', [99])).toEqual({ changes: 0 })
  })

  it('returns rows from INSERT/UPDATE/DELETE ... RETURNING through get and all', async () => {
    expect(await h.db.get('INSERT INTO items (id, name) VALUES (?, ?) RETURNING id, name', [1, 'a'])).toEqual({ id: 1, name: 'a' })
    expect(await h.db.all('INSERT INTO items (id, name) VALUES (2, ?), (3, ?) RETURNING id', ['b', 'c'])).toEqual([{ id: 2 }, { id: 3 }])
    expect(await h.db.all('UPDATE items SET name = ? WHERE id > ? RETURNING id', ['x', 1])).toHaveLength(2)
    const inTx = await h.db.tx((tx) => tx.all('DELETE FROM items WHERE name = ? RETURNING id', ['x']))
    expect(inTx.map((r) => r.id).sort()).toEqual([2, 3])
    expect(await h.db.all('SELECT id FROM items')).toEqual([{ id: 1 }])
  })

  it('leaves ? inside string literals alone', async () => {
    await h.db.run("INSERT INTO items (id, name) VALUES (?, 'what?') ", [1])
    expect(await h.db.get("SELECT name, 'it''s ?' AS quip FROM items WHERE id = ?", [1])).toEqual({ name: 'what?', quip: "it's ?" })
  })

  it('binds booleans as 1/0 and reads them back as numbers', async () => {
    const values = [1, 'a', true, 2, 'b', false] as unknown as number[]
    await h.db.run('INSERT INTO items (id, name, flag) VALUES (?, ?, ?), (?, ?, ?)', values)
    expect(await h.db.all('SELECT flag FROM items ORDER BY id')).toEqual([{ flag: 1 }, { flag: 0 }])
  })

  it('returns counts, sums and bigints as numbers', async () => {
    await h.db.run('INSERT INTO items (id, name, amount) VALUES (1, ?, ?), (2, ?, ?)', ['a', 9_007_199_254, 'b', 1])
    const row = await h.db.get<{ n: unknown; total: unknown; amount: unknown }>(
      'SELECT count(*) AS n, sum(amount) AS total, max(amount) AS amount FROM items',
    )
    expect(row).toEqual({ n: 2, total: 9_007_199_255, amount: 9_007_199_254 })
    expect(typeof row?.n).toBe('number')
  })

  it('stores and reads binary data', async () => {
    await h.db.run('INSERT INTO items (id, name, data) VALUES (?, ?, ?)', [1, 'a', new Uint8Array([0, 1, 255])])
    const row = await h.db.get<{ data: Uint8Array }>('SELECT data FROM items WHERE id = 1')
    expect([...(row?.data ?? [])]).toEqual([0, 1, 255])
  })

  it('runs several statements with exec', async () => {
    await h.db.exec("INSERT INTO items (id, name) VALUES (1, 'a'); INSERT INTO items (id, name) VALUES (2, 'b')")
    expect(await h.db.get('SELECT count(*) AS n FROM items')).toEqual({ n: 2 })
  })

  it('passes driver errors through', async () => {
    await h.db.run('INSERT INTO items (id, name) VALUES (1, ?)', ['a'])
    await expect(h.db.run('INSERT INTO items (id, name) VALUES (1, ?)', ['again'])).rejects.toThrow(/unique|duplicate/i)
    await expect(h.db.all('SELECT nope FROM items')).rejects.toThrow()
  })

  it('pings and describes itself without a password', async () => {
    expect(await h.db.ping()).toBe(true)
    expect(h.db.describe).toMatch(dialect === 'sqlite' ? /^sqlite:\/.*test\.db$/ : /^(pglite:memory|postgres)/)
    expect(h.db.describe).not.toMatch(/:[^@/]+@/)
  })
})
