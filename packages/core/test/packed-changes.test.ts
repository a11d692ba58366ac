/**
 * The packed form of recorded profile changes (profile/packed-changes.ts): every change comes back
 * as it was recorded (op, operand, previous, next, source), rows of migration 0014's form are still
 * read, and the form written since migration 0016 leaves out what it can compute.
 */
import { describe, expect, it } from 'vitest'
import { packChanges, unpackChanges, type PackedChange } from '../src/profile/packed-changes.js'

const rule = { kind: 'rule', id: 'order-history', version: 2 } as const
const code = { kind: 'plugin', id: 'earn' } as const
const c = (field: string, op: PackedChange['op'], operand: PackedChange['operand'], previous: PackedChange['previous'], next: PackedChange['next'], source: PackedChange['source']): PackedChange =>
  ({ field, op, operand, previous, next, source })
const asRead = (x: PackedChange) => ({ ...x, source: { ...x.source, version: x.source.kind === 'rule' ? x.source.version : null } })

describe('packed profile changes', () => {
  it.each([
    ['a first set', [c('churnRisk.currency', 'set', 'CNY', null, 'CNY', rule)]],
    ['an add on a value', [c('points.balance', 'add', 5, 10, 15, code)]],
    ['max and min, kept and replaced', [c('fx.biggest', 'max', 3, 7, 7, rule), c('fx.smallest', 'min', 3, 7, 3, rule)]],
    ['an unset', [c('fx.note', 'unset', true, '常客', null, code)]],
    ['a next the op does not compute (clamped)', [c('points.balance', 'add', -50, 10, 0, code)]],
    ['a next of null the op does not compute', [c('fx.count', 'add', 1, 4, null, code)]],
    ['null operand with a previous', [c('fx.note', 'set', null, 'x', null, code)]],
    ['booleans and zero', [c('fx.vip', 'set', false, true, false, rule), c('fx.total', 'set', 0, null, 0, rule)]],
    ['sources in turn', [c('fx.a', 'set', 1, null, 1, rule), c('fx.b', 'set', 2, null, 2, code), c('fx.c', 'add', 1, 2, 3, { ...rule, version: 3 })]],
    ['a field of another namespace', [c('fx.a', 'set', 1, null, 1, code), c('other.b', 'set', 'y', null, 'y', code)]],
    ['times, and texts that only look like one', [
      c('churnRisk.scoredAt', 'set', '2025-01-06T02:30:00.000Z', '2024-12-31T02:27:12.345Z', '2025-01-06T02:30:00.000Z', code),
      c('fx.note', 'set', '2025-02-30T00:00:00.000Z', '2025-01-06T02:30:00Z', '2025-02-30T00:00:00.000Z', code),
      c('fx.old', 'set', '0001-01-01T00:00:00.000Z', null, '0001-01-01T00:00:00.000Z', code),
    ]],
  ])('gives back %s as recorded', (_, changes) => {
    expect(unpackChanges(packChanges(changes))).toEqual(changes.map(asRead))
  })

  it("reads rows of migration 0014's form", () => {
    const old = '["points",["p","earn",null,["balance","add",5,10],["lifetimeEarned","set",5,null]],["r","tier-rule",4,["points.level","set","gold","silver","gold"]]]'
    expect(unpackChanges(old)).toEqual([
      { field: 'points.balance', op: 'add', operand: 5, previous: 10, next: 15, source: { kind: 'plugin', id: 'earn', version: null } },
      { field: 'points.lifetimeEarned', op: 'set', operand: 5, previous: null, next: 5, source: { kind: 'plugin', id: 'earn', version: null } },
      { field: 'points.level', op: 'set', operand: 'gold', previous: 'silver', next: 'gold', source: { kind: 'rule', id: 'tier-rule', version: 4 } },
    ])
  })

  it('writes a time as its seconds', () => {
    expect(packChanges([c('churnRisk.scoredAt', 'set', '2025-01-06T02:30:00.000Z', '2024-12-31T02:27:12.345Z', '2025-01-06T02:30:00.000Z', code)]))
      .toBe('["churnRisk",["earn",["scoredAt",[1736130600],[1735612032.345]]]]')
  })

  it('writes neither the op of a set nor absent values nor a computed next', () => {
    expect(packChanges([c('churnRisk.currency', 'set', 'CNY', null, 'CNY', rule), c('churnRisk.orders', 'add', 1, 2, 3, rule)]))
      .toBe('["churnRisk",["order-history",2,["currency","CNY"],["orders+",1,2]]]')
  })
})
