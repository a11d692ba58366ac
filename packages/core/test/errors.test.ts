import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorRegistries } from '../src/index.js'

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const table = readme.slice(readme.indexOf('## Errors'))
const documented = [...table.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => ({ code: m[1]!, status: Number(m[2]) }))
const codes = errorRegistries.flatMap((r) => r.codes.map((c) => ({ ...c, area: r.area })))

describe('the core error registry', () => {
  it('has unique codes, each with its area prefix', () => {
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length)
    for (const c of codes) expect(c.area === '' || c.code.startsWith(`${c.area}_`)).toBe(true)
  })

  it('gives client faults a 4xx and server faults a 5xx', () => {
    for (const c of codes) expect(c.code === 'INTERNAL_ERROR' || c.code.startsWith('HOST_') ? c.status >= 500 : c.status < 500).toBe(true)
  })

  it('matches the README Errors table exactly, with the same statuses', () => {
    expect(documented.length).toBeGreaterThan(0)
    expect([...documented].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      codes.map(({ code, status }) => ({ code, status })).sort((a, b) => a.code.localeCompare(b.code)),
    )
  })
})
