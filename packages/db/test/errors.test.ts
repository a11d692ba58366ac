import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DbError, dbErrorCodes } from '../src/index.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const documented = [...readme.slice(readme.indexOf('## Errors')).matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1])

describe('error registry', () => {
  it('gives every code the DB_ prefix', () => {
    for (const code of Object.keys(dbErrorCodes)) expect(code).toMatch(/^DB_[A-Z_]+$/)
  })

  it('matches the README Errors table exactly', () => {
    expect(documented.sort()).toEqual(Object.keys(dbErrorCodes).sort())
  })

  it('carries code, details and cause', () => {
    const cause = new Error('driver')
    const err = new DbError('DB_URL_INVALID', 'bad url', { details: { url: 'x' }, cause })
    expect(err).toBeInstanceOf(Error)
    expect(err).toMatchObject({ name: 'DbError', code: 'DB_URL_INVALID', details: { url: 'x' }, message: 'bad url' })
    expect(err.cause).toBe(cause)
  })
})
