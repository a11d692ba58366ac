import { describe, expect, it } from 'vitest'
import { bindParams, toPgPlaceholders } from '../src/index.js'
import { pgQuery } from '../src/pg-query.js'

describe('toPgPlaceholders', () => {
  it.each([
    ['SELECT 1', 'SELECT 1'],
    ['SELECT * FROM t WHERE a = ? AND b = ?', 'SELECT * FROM t WHERE a = $1 AND b = $2'],
    ["SELECT '?' AS q, ? AS p", "SELECT '?' AS q, $1 AS p"],
    ["SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"],
    ["SELECT '', ?, ''''", "SELECT '', $1, ''''"],
    ['SELECT "odd?name" FROM t WHERE x = ?', 'SELECT "odd?name" FROM t WHERE x = $1'],
    ['SELECT ? -- why?\n, ?', 'SELECT $1 -- why?\n, $2'],
  ])('%j becomes %j', (sql, expected) => expect(toPgPlaceholders(sql)).toBe(expected))
})

describe('pgQuery', () => {
  it('names equal SQL alike and different SQL differently', () => {
    const a = pgQuery('SELECT ? AS x', [1])
    expect(a).toMatchObject({ text: 'SELECT $1 AS x', values: [1] })
    expect(a.name).toMatch(/^r_[0-9a-f]{20}$/)
    expect(pgQuery('SELECT ? AS x', [2]).name).toBe(a.name)
    expect(pgQuery('SELECT ? AS y', [1]).name).not.toBe(a.name)
  })
})

describe('bindParams', () => {
  it('maps booleans, undefined and dates', () => {
    const at = new Date('2024-05-01T10:00:00Z')
    expect(bindParams([true, false, undefined, at, 'x', 2n])).toEqual([1, 0, null, '2024-05-01T10:00:00.000Z', 'x', 2n])
    expect(bindParams(undefined)).toEqual([])
  })
})
