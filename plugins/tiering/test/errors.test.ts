import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tieringErrors } from '../server/errors.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const errorsSection = readme.slice(readme.indexOf('## Errors'))
const documented = [...errorsSection.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => ({ code: m[1], status: Number(m[2]) }))
const own = documented.filter((d) => d.code!.startsWith('TIERING_'))

describe('the error registry', () => {
  const entries = Object.entries(tieringErrors)
  it('keys each code by itself with the TIERING_ prefix, each unique', () => {
    for (const [key, entry] of entries) expect(entry.code).toBe(`TIERING_${key}`)
    expect(new Set(entries.map(([, e]) => e.code)).size).toBe(entries.length)
  })
  it('is documented in the README with its status, and the README lists no removed code', () => {
    expect(own.sort((a, b) => a.code!.localeCompare(b.code!))).toEqual(entries.map(([, e]) => ({ code: e.code, status: e.status })).sort((a, b) => a.code.localeCompare(b.code)))
  })
})
