import { describe, expect, it } from 'vitest'
import { formFieldOfIssue, parseValue, toConfig, toFormValues } from '../admin/settings/config-form.js'
import { config } from '../server/config.js'

describe("the settings form's values and the config", () => {
  const defaults = config.parse({})

  it('gives back the config it was opened with, ladder groups and all', () => {
    expect(toConfig(toFormValues(defaults), defaults)).toEqual(defaults)
  })

  it('builds contiguous thresholds from the start of each tier above iron', () => {
    const values = toFormValues(defaults)
    values.tiers.spendStarts = { bronze: 50, silver: 70, diamond: 90 }
    const { thresholds } = toConfig(values, defaults).tiers
    expect(thresholds).toEqual({ iron: { minMinor: 0, maxMinor: 50 }, bronze: { minMinor: 50, maxMinor: 70 }, silver: { minMinor: 70, maxMinor: 90 }, diamond: { minMinor: 90 } })
    expect(config.safeParse({ ...defaults, tiers: { ...defaults.tiers, thresholds } }).success).toBe(true)
  })

  it('turns a step switched off into null and typed text into values', () => {
    const values = toFormValues(defaults)
    values.ladder.advocate.automatic = false
    values.ladder.regular.conditions = [{ field: 'tiering.orders', op: 'gte', valueText: ' 4 ', missing: 'fails' }]
    const ladder = toConfig(values, defaults).ladder
    expect(ladder.advocate).toBeNull()
    expect(ladder.regular).toEqual([{ field: 'tiering.orders', op: 'gte', value: 4, missing: 'fails' }])
  })

  it.each([
    ['in', 'diamond, silver', ['diamond', 'silver']],
    ['in', '1, 2', [1, 2]],
    ['eq', 'promoter', 'promoter'],
    ['gte', '4.5', 4.5],
    ['gte', '', undefined],
    ['exists', 'ignored', undefined],
  ] as const)('reads %s "%s" as %j', (op, text, value) => {
    expect(parseValue(op, text)).toEqual(value)
  })

  it.each([
    ['tiers.percentiles', ['tiers', 'percentilesTotal']],
    ['tiers.thresholds.iron', ['tiers', 'spendStarts', 'bronze']],
    ['tiers.pointsThresholds.silver', ['tiers', 'pointsStarts', 'silver']],
    ['recency.hibernatingFactor', ['recency', 'hibernatingFactor']],
    ['ladder.supporter.2.anyOf.0.value', ['ladder', 'supporter', 'conditions', 2, 'anyOf', 0, 'valueText']],
    ['ladder.regular.0', ['ladder', 'regular', 'conditions', 0, 'field']],
    ['segments.3.r', ['segments', 3, 'r']],
  ] as const)('puts the server issue at %s on %j', (path, field) => {
    expect(formFieldOfIssue(path)).toEqual(field)
  })
})
