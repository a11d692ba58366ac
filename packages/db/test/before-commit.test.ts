/**
 * `db.beforeCommit`: work left for the end of the innermost open transaction or savepoint runs
 * there, once per key, sees everything the transaction wrote, and is dropped with a rollback.
 * Outside a transaction nothing is registered.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, dialects, START_TIMEOUT, type TestDb } from './support/test-db.js'

describe.each(dialects)('beforeCommit on %s', (dialect) => {
  let h: TestDb
  const names = async () => (await h.db.all<{ name: string }>('SELECT name FROM notes ORDER BY name')).map((r) => r.name)
  const count = async () => Number((await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM notes'))?.n)
  beforeAll(async () => { h = await createTestDb(dialect) }, START_TIMEOUT)
  beforeEach(async () => {
    await h.reset()
    await h.db.exec('CREATE TABLE notes (name TEXT PRIMARY KEY)')
  })
  afterAll(() => h.close())

  it('runs once per key at the end of the transaction, after the work written after it was asked for', async () => {
    await h.db.tx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['a'])
      for (const name of ['first', 'second']) {
        await h.db.beforeCommit('count', async (q) => { await q.run('INSERT INTO notes (name) VALUES (?)', [`${name} saw ${await count()}`]) })
      }
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['b'])
      expect(await names()).toEqual(['a', 'b'])
    })
    expect(await names()).toEqual(['a', 'b', 'second saw 2'])
  })

  it('runs work that work adds, and at the end of a savepoint for work asked for inside it', async () => {
    await h.db.tx(async (tx) => {
      await h.db.tx(async () => {
        await h.db.beforeCommit('one', async (q) => {
          await q.run('INSERT INTO notes (name) VALUES (?)', ['one'])
          await h.db.beforeCommit('two', async (r) => { await r.run('INSERT INTO notes (name) VALUES (?)', ['two']) })
        })
      })
      expect(await names()).toEqual(['one', 'two'])
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['three'])
    })
    expect(await names()).toEqual(['one', 'three', 'two'])
  })

  it('drops the work of a transaction or savepoint that rolls back, and fails the transaction when the work fails', async () => {
    await h.db.tx(async () => {
      await h.db.tx(async () => {
        await h.db.beforeCommit('lost', async (q) => { await q.run('INSERT INTO notes (name) VALUES (?)', ['lost']) })
        throw new Error('refused')
      }).catch(() => {})
    })
    await expect(h.db.tx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['kept?'])
      await h.db.beforeCommit('fails', async () => { throw new Error('late failure') })
    })).rejects.toThrow('late failure')
    expect(await names()).toEqual([])
  })

  it('registers nothing outside any transaction, and says so', async () => {
    expect(await h.db.beforeCommit('alone', async (q) => { await q.run('INSERT INTO notes (name) VALUES (?)', ['alone']) })).toBe(false)
    expect(await h.db.tx(() => h.db.beforeCommit('inside', async () => {}))).toBe(true)
    expect(await names()).toEqual([])
  })
})
