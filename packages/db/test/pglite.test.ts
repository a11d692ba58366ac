import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/index.js'
import { deferred, START_TIMEOUT } from './support/test-db.js'

describe('PGlite specifics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pglite-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(
    'keeps data on disk, waits for a running transaction on close, then refuses with DB_CLOSED',
    async () => {
      const dataDir = join(dir, 'pgdata')
      const db = await openDatabase(`pglite:${dataDir}`)
      expect(db.dialect).toBe('pg')
      expect(db.describe).toBe(`pglite:${dataDir}`)
      await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)')
      const gate = deferred()
      const txDone = db.tx(async (tx) => {
        await gate.promise
        await tx.run('INSERT INTO t (id) VALUES (?)', [1])
      })
      const closed = db.close()
      await expect(db.all('SELECT id FROM t')).rejects.toMatchObject({ code: 'DB_CLOSED' })
      gate.resolve()
      await txDone
      await closed

      const reopened = await openDatabase(`pglite:${dataDir}`)
      expect(await reopened.all('SELECT id FROM t')).toEqual([{ id: 1 }])
      await reopened.close()
    },
    START_TIMEOUT * 2,
  )
})
