/**
 * Group commit: concurrent writes share a transaction on SQLite, each in its own savepoint, so a
 * failing one loses only its own rows and every caller hears its own result; elsewhere each write
 * is its own transaction. The same observable behaviour on every dialect.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createGroupTx, type GroupTx } from '../src/index.js'
import { createTestDb, dialects, START_TIMEOUT, type TestDb } from './support/test-db.js'

describe.each(dialects)('createGroupTx on %s', (dialect) => {
  let h: TestDb
  let groupTx: GroupTx
  const names = async () => (await h.db.all<{ name: string }>('SELECT name FROM notes ORDER BY name')).map((r) => r.name)
  beforeAll(async () => {
    h = await createTestDb(dialect)
    groupTx = createGroupTx(h.db, { maxPerGroup: 8 })
  }, START_TIMEOUT)
  beforeEach(async () => {
    await h.reset()
    await h.db.exec('CREATE TABLE notes (name TEXT PRIMARY KEY)')
  })
  afterAll(() => h.close())

  it('stores every write of a burst and answers each caller with its own result', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => groupTx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', [`n${String(i).padStart(2, '0')}`])
      return i * 2
    })))
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i * 2))
    expect(await names()).toHaveLength(30)
  })

  it('rolls back only the write that fails, even when it fails after writing', async () => {
    const outcomes = await Promise.allSettled(['a', 'b', 'dup', 'dup', 'c', 'refused'].map((name) => groupTx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', [name])
      if (name === 'refused') throw Object.assign(new Error('refused after writing'), { status: 409 })
      return name
    })))
    const status = outcomes.map((o) => o.status)
    expect([status[0], status[1], status[4], status[5]]).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected'])
    // On a server pool the two 'dup' writes race in separate transactions: exactly one wins.
    expect([status[2], status[3]].sort()).toEqual(['fulfilled', 'rejected'])
    expect(String((outcomes[5] as PromiseRejectedResult).reason)).toContain('refused after writing')
    expect(await names()).toEqual(['a', 'b', 'c', 'dup'])
  })

  it('acknowledges nothing before it is committed: a reader after the answer sees the row', async () => {
    for (let i = 0; i < 5; i += 1) {
      await groupTx((tx) => tx.run('INSERT INTO notes (name) VALUES (?)', [`r${i}`]))
      expect(await h.db.get('SELECT name FROM notes WHERE name = ?', [`r${i}`])).toEqual({ name: `r${i}` })
    }
  })

  it('runs each write with its own caller\'s value of a carried context, inside the group\'s transaction', async () => {
    const caller = new AsyncLocalStorage<unknown>()
    const carrying = createGroupTx(h.db, { carry: [caller] })
    const seen = await Promise.all(['ann', 'bo', 'cy'].map((who) => caller.run(who, () => carrying(async (tx) => {
      // A nested db.tx joins the group's transaction as a savepoint: the transaction context is the group's.
      await h.db.tx((sp) => sp.run('INSERT INTO notes (name) VALUES (?)', [`${who}-note`]))
      await tx.run('INSERT INTO notes (name) VALUES (?)', [who])
      return caller.getStore()
    }))))
    expect(seen).toEqual(['ann', 'bo', 'cy'])
    expect(await names()).toEqual(['ann', 'ann-note', 'bo', 'bo-note', 'cy', 'cy-note'])
  })
})
