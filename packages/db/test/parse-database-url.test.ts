import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DbError, parseDatabaseUrl } from '../src/index.js'

describe('parseDatabaseUrl', () => {
  it('reads PostgreSQL URLs and drops the password from the description', () => {
    expect(parseDatabaseUrl('postgres://app:s3cret@db.local:5433/rapport?sslmode=require')).toEqual({
      kind: 'pg',
      connectionString: 'postgres://app:s3cret@db.local:5433/rapport?sslmode=require',
      describe: 'postgres://app@db.local:5433/rapport?sslmode=require',
    })
    expect(parseDatabaseUrl('postgresql://db/rapport').kind).toBe('pg')
  })

  it.each(['pglite:', 'pglite://memory', 'pglite:memory'])('reads %s as in-memory PGlite', (url) => {
    expect(parseDatabaseUrl(url)).toEqual({ kind: 'pglite', dataDir: undefined, describe: 'pglite:memory' })
  })

  it('reads pglite:<dir> as PGlite on disk', () => {
    expect(parseDatabaseUrl('pglite:./data/pg')).toEqual({ kind: 'pglite', dataDir: resolve('data/pg'), describe: `pglite:${resolve('data/pg')}` })
  })

  it.each([
    ['./data/rapport.db', resolve('data/rapport.db')],
    ['sqlite:./data/rapport.db', resolve('data/rapport.db')],
    ['sqlite:///var/lib/rapport.db', '/var/lib/rapport.db'],
    ['file:./data/rapport.db', resolve('data/rapport.db')],
    ['file:///var/lib/rapport.db', '/var/lib/rapport.db'],
    [':memory:', ':memory:'],
  ])('reads %s as the SQLite path %s', (url, path) => {
    expect(parseDatabaseUrl(url)).toMatchObject({ kind: 'sqlite', path, describe: `sqlite:${path}` })
  })

  it.each(['', '   ', 'mysql://db/rapport', 'postgres://[bad', 'sqlite:'])('refuses %j with DB_URL_INVALID', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(DbError)
    expect(() => parseDatabaseUrl(url)).toThrow(expect.objectContaining({ code: 'DB_URL_INVALID' }))
  })
})
