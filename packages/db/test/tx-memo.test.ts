import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transactionMemo } from '../src/index.js'
import { createTestDb, dialects, START_TIMEOUT, type TestDb } from './support/test-db.js'

describe.each(dialects)('transaction memo on %s', (dialect) => {
  let h: TestDb
  beforeAll(async () => {
    h = await createTestDb(dialect)
  }, START_TIMEOUT)
  afterAll(() => h.close())

  it('exists only inside a transaction, for that transaction and the database that joins it', async () => {
    expect(transactionMemo(h.db)).toBeUndefined()
    let leaked: Parameters<typeof transactionMemo>[0] | undefined
    await h.db.tx(async (tx) => {
      leaked = tx
      const memo = transactionMemo(tx)
      expect(memo).toBeInstanceOf(Map)
      memo!.set('k', 1)
      expect(transactionMemo(h.db)?.get('k')).toBe(1)
      // A savepoint that succeeds shares the transaction's memo.
      await h.db.tx(async (sp) => {
        expect(transactionMemo(sp)?.get('k')).toBe(1)
      })
      expect(transactionMemo(tx)?.get('k')).toBe(1)
    })
    expect(transactionMemo(leaked!)).toBeUndefined()
    // The next transaction starts with an empty one.
    await h.db.tx(async (tx) => {
      expect(transactionMemo(tx)?.get('k')).toBeUndefined()
    })
  })

  it('is forgotten when a savepoint inside the transaction rolls back', async () => {
    await h.db.tx(async (tx) => {
      transactionMemo(tx)!.set('k', 1)
      await expect(h.db.tx(async (sp) => {
        transactionMemo(sp)!.set('inner', 2)
        throw new Error('undone')
      })).rejects.toThrow('undone')
      expect(transactionMemo(tx)?.has('k')).toBe(false)
      expect(transactionMemo(tx)?.has('inner')).toBe(false)
    })
  })
})
