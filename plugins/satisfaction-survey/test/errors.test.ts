import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { surveyErrors } from '../server/errors.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const documented = [...readme.split('## Errors')[1]!.matchAll(/^\| `(SURVEY_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])])

describe('the error registry', () => {
  const entries = Object.entries(surveyErrors)

  it('keys each code by itself, with the SURVEY_ prefix and a 4xx status', () => {
    for (const [key, e] of entries) {
      expect(e.code).toBe(`SURVEY_${key}`)
      expect(e.status).toBeGreaterThanOrEqual(400)
      expect(e.status).toBeLessThan(500)
    }
    expect(new Set(entries.map(([, e]) => e.code)).size).toBe(entries.length)
  })

  it('is documented in the README, with no stale entries', () => {
    expect(documented.sort()).toEqual(entries.map(([, e]) => [e.code, e.status]).sort())
  })
})
