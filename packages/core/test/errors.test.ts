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

  it('gives every fault a caller can cause a 4xx', () => {
    // PLUGIN_ definition and boot errors are a plugin author's bug (500); its management errors are 4xx.
    const clientAreas = ['REQUEST', 'AUTH', 'CUSTOMER', 'EVENT', 'IMPORT']
    for (const c of codes.filter((c) => clientAreas.includes(c.area))) expect(c.status, c.code).toBeLessThan(500)
    for (const code of ['PLUGIN_NOT_FOUND', 'PLUGIN_NOT_ACTIVE', 'PLUGIN_CONFIG_INVALID', 'PLUGIN_REQUIRED_BY', 'PLUGIN_ENABLE_FAILED']) {
      expect(codes.find((c) => c.code === code)?.status, code).toBeLessThan(500)
    }
  })

  it('matches the README Errors table exactly, with the same statuses', () => {
    expect(documented.length).toBeGreaterThan(0)
    expect([...documented].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      codes.map(({ code, status }) => ({ code, status })).sort((a, b) => a.code.localeCompare(b.code)),
    )
  })
})
