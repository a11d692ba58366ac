import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, deferred, dialects, sleep, START_TIMEOUT, type TestDb } from './support/test-db.js'

describe.each(dialects)('transactions on %s', (dialect) => {
  let h: TestDb
  const names = async () => (await h.db.all<{ name: string }>('SELECT name FROM notes ORDER BY seq')).map((r) => r.name)
  beforeAll(async () => {
    h = await createTestDb(dialect)
  }, START_TIMEOUT)
  beforeEach(async () => {
    await h.reset()
    const seq = h.db.dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'
    await h.db.exec(`CREATE TABLE notes (seq ${seq}, name TEXT NOT NULL)`)
    await h.db.exec('CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)')
    await h.db.run('INSERT INTO counter (id, value) VALUES (1, 0)')
  })
  afterAll(() => h.close())

  it('commits and returns the callback result', async () => {
    const result = await h.db.tx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['a'])
      return 42
    })
    expect(result).toBe(42)
    expect(await names()).toEqual(['a'])
  })

  it('rolls back every write when the callback throws, and rethrows the original error', async () => {
    const boom = new Error('boom')
    await expect(
      h.db.tx(async (tx) => {
        await tx.run('INSERT INTO notes (name) VALUES (?)', ['a'])
        await tx.run('UPDATE counter SET value = 5')
        throw boom
      }),
    ).rejects.toBe(boom)
    expect(await names()).toEqual([])
    expect(await h.db.get('SELECT value FROM counter')).toEqual({ value: 0 })
  })

  it('rolls back a nested tx to its savepoint and keeps the outer work', async () => {
    await h.db.tx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['outer-1'])
      await expect(
        h.db.tx(async (inner) => {
          await inner.run('INSERT INTO notes (name) VALUES (?)', ['inner'])
          throw new Error('inner fails')
        }),
      ).rejects.toThrow('inner fails')
      await h.db.tx(async (inner) => {
        await inner.run('INSERT INTO notes (name) VALUES (?)', ['inner-kept'])
        await expect(h.db.tx(async () => Promise.reject(new Error('deepest')))).rejects.toThrow('deepest')
      })
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['outer-2'])
    })
    expect(await names()).toEqual(['outer-1', 'inner-kept', 'outer-2'])
  })

  it('runs concurrent nested transactions one savepoint at a time', async () => {
    await h.db.tx(async () => {
      const results = await Promise.allSettled([
        h.db.tx(async (a) => {
          await a.run('INSERT INTO notes (name) VALUES (?)', ['a'])
          await sleep(5)
          throw new Error('a fails')
        }),
        h.db.tx((b) => b.run('INSERT INTO notes (name) VALUES (?)', ['b'])),
      ])
      expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled'])
    })
    expect(await names()).toEqual(['b'])
  })

  it('rolls back committed savepoints when the outer tx throws', async () => {
    await expect(
      h.db.tx(async () => {
        await h.db.tx((inner) => inner.run('INSERT INTO notes (name) VALUES (?)', ['inner']))
        throw new Error('outer fails')
      }),
    ).rejects.toThrow('outer fails')
    expect(await names()).toEqual([])
  })

  it('joins the transaction when code inside it calls the db object instead of tx', async () => {
    await expect(
      h.db.tx(async () => {
        await h.db.run('INSERT INTO notes (name) VALUES (?)', ['via-db'])
        expect(await h.db.get('SELECT count(*) AS n FROM notes')).toEqual({ n: 1 })
        await h.db.exec("INSERT INTO notes (name) VALUES ('via-exec')")
        throw new Error('undo')
      }),
    ).rejects.toThrow('undo')
    expect(await names()).toEqual([])
  })

  // SQLite and PGlite serialize transactions in the kit; a PostgreSQL server's pool runs them side
  // by side, so code that reads then writes locks the row (SELECT ... FOR UPDATE), as here.
  it('serializes 20 concurrent read-modify-write transactions without interleaving', async () => {
    const lockRow = dialect === 'postgres' ? ' FOR UPDATE' : ''
    const log: string[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, id) =>
        h.db.tx(async (tx) => {
          const row = await tx.get<{ value: number }>(`SELECT value FROM counter WHERE id = 1${lockRow}`)
          log.push(`${id}:read`)
          await sleep(2)
          log.push(`${id}:write`)
          await tx.run('UPDATE counter SET value = ? WHERE id = 1', [(row?.value ?? 0) + 1])
          log.push(`${id}:done`)
        }),
      ),
    )
    expect(await h.db.get('SELECT value FROM counter WHERE id = 1')).toEqual({ value: 20 })
    expect(log).toHaveLength(60)
    for (let i = 0; i < log.length; i += 3) {
      const id = log[i]?.split(':')[0]
      expect(log.slice(i, i + 3)).toEqual([`${id}:read`, `${id}:write`, `${id}:done`])
    }
  })

  // SQLite and PGlite have one connection, so a write outside the transaction waits for it; a
  // server pool runs it at once on another connection. Either way it never joins the transaction.
  it('keeps a write outside tx out of the open transaction', async () => {
    const gate = deferred()
    const opened = deferred()
    const txDone = h.db.tx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['in-tx'])
      opened.resolve()
      await gate.promise
      throw new Error('roll back')
    })
    await opened.promise
    let outsideDone = false
    const outside = h.db.run('INSERT INTO notes (name) VALUES (?)', ['outside']).then(() => {
      outsideDone = true
    })
    await sleep(50)
    expect(outsideDone).toBe(dialect === 'postgres')
    gate.resolve()
    await expect(txDone).rejects.toThrow('roll back')
    await outside
    expect(await names()).toEqual(['outside'])
  })

  it('never shows uncommitted rows to a read outside the transaction', async () => {
    const gate = deferred()
    const opened = deferred()
    const txDone = h.db.tx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['pending'])
      opened.resolve()
      await gate.promise
    })
    await opened.promise
    const seen = h.db.get<{ n: number }>('SELECT count(*) AS n FROM notes').then((r) => r?.n)
    const first = await Promise.race([seen, sleep(50).then(() => 'still waiting')])
    // SQLite reads the last commit on its reader connection, PostgreSQL through MVCC; PGlite has
    // one connection, so the read waits until the transaction ends.
    expect(first).toBe(dialect === 'pglite' ? 'still waiting' : 0)
    gate.resolve()
    await txDone
    if (dialect === 'pglite') expect(await seen).toBe(1)
  })

  it('stops routing to a finished transaction when work started inside it runs later', async () => {
    let later: Promise<unknown> = Promise.resolve()
    await h.db.tx(async (tx) => {
      await tx.run('INSERT INTO notes (name) VALUES (?)', ['in-tx'])
      later = sleep(20).then(() => h.db.run('INSERT INTO notes (name) VALUES (?)', ['after']))
    })
    await later
    expect(await names()).toEqual(['in-tx', 'after'])
  })
})
