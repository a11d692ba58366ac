import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { statuses } from '../shared/schemas.js'
import { isActive, isReopen, next, withinWindow } from '../server/cases/workflow.js'
import { complaintsConfig } from '../server/config.js'

describe('the workflow table', () => {
  it.each([
    ['new', 'open', true], ['new', 'resolved', false], ['open', 'pending_customer', true], ['open', 'closed', false],
    ['pending_third_party', 'resolved', true], ['resolved', 'closed', true], ['resolved', 'open', true], ['closed', 'open', true],
    ['closed', 'resolved', false], ['open', 'new', false],
  ] as const)('%s → %s is %s', (from, to, allowed) => {
    expect(next[from].includes(to)).toBe(allowed)
  })

  it('never leads back to new, and every status can reach closed', () => {
    for (const s of statuses) expect(next[s]).not.toContain('new')
    fc.assert(fc.property(fc.constantFrom(...statuses), (start) => {
      const seen = new Set([start])
      for (const s of seen) for (const n of next[s]) seen.add(n)
      return seen.has('closed')
    }))
  })

  it('counts only unfinished cases as open and reopens only finished ones', () => {
    expect(statuses.filter(isActive)).toEqual(['new', 'open', 'pending_customer', 'pending_third_party'])
    expect(isReopen('resolved', 'open')).toBe(true)
    expect(isReopen('pending_customer', 'open')).toBe(false)
  })

  it.each([[13, true], [14, true], [15, false]])('a case resolved %i days ago can be reopened in a 14-day window: %s', (days, ok) => {
    expect(withinWindow('2026-01-01T00:00:00.000Z', 14, new Date(Date.parse('2026-01-01T00:00:00.000Z') + days * 86_400_000))).toBe(ok)
  })
})

describe('the config', () => {
  it('has a default category tree', () => {
    expect(complaintsConfig.parse({}).categories.map((c) => c.id)).toContain('product.quality')
  })

  it('refuses a category whose parent is missing, or a repeated id', () => {
    expect(complaintsConfig.safeParse({ categories: [{ id: 'a.b', label: 'B', parent: 'a' }] }).success).toBe(false)
    expect(complaintsConfig.safeParse({ categories: [{ id: 'a', label: 'A' }, { id: 'a', label: 'A again' }] }).success).toBe(false)
    expect(complaintsConfig.safeParse({ categories: [{ id: 'a', label: 'A' }, { id: 'a.b', label: 'B', parent: 'a' }] }).success).toBe(true)
  })
})
