import { describe, expect, it } from 'vitest'
import { formFieldOfIssue, toConfig, toFormValues } from '../admin/settings/config-form.js'
import { config } from '../server/config.js'

// The segment table, tier names and benefits are form fields now (no JSON editor): what the form
// saves is checked by the schema the server stores it with, and each refusal lands on its field.
describe('segment table, tier names and benefits in the settings form', () => {
  const defaults = config.parse({})
  const issuesOf = (values: ReturnType<typeof toFormValues>) => {
    const result = config.safeParse(toConfig(values, defaults))
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), field: formFieldOfIssue(i.path.join('.')) }))
  }

  it('saves edited rules, fallback, names and benefits as the server schema takes them', () => {
    const values = toFormValues(defaults)
    values.segments = [{ segment: 'champions', r: [5, 5], f: [4, 5], m: [3, 5] }, ...values.segments.slice(1)]
    values.fallbackSegment = 'hibernating'
    values.tiers.names.diamond = { en: 'Black card', 'zh-CN': '黑卡' }
    values.benefits.silver = { pointsMultiplier: 1.8, exclusiveRewards: ['silver-mug'], slaPriority: 'urgent' }
    const saved = config.parse(toConfig(values, defaults))
    expect(saved.segments[0]).toEqual({ segment: 'champions', r: [5, 5], f: [4, 5], m: [3, 5] })
    expect(saved.fallbackSegment).toBe('hibernating')
    expect(saved.tiers.names.diamond).toEqual({ en: 'Black card', 'zh-CN': '黑卡' })
    expect(saved.benefits.silver).toEqual({ pointsMultiplier: 1.8, exclusiveRewards: ['silver-mug'], slaPriority: 'urgent' })
  })

  it('puts each refusal on the field that caused it', () => {
    const values = toFormValues(defaults)
    values.segments[2] = { ...values.segments[2]!, f: [4, 2] }
    values.segments[3] = { ...values.segments[3]!, m: [1, 6] as [number, number] }
    values.tiers.names.iron = { en: '', 'zh-CN': '铁' }
    values.benefits.bronze = { ...values.benefits.bronze, pointsMultiplier: 101 }
    expect(issuesOf(values)).toEqual(expect.arrayContaining([
      { path: 'segments.2.f', field: ['segments', 2, 'f'] },
      { path: 'segments.3.m.1', field: ['segments', 3, 'm'] },
      { path: 'tiers.names.iron.en', field: ['tiers', 'names', 'iron', 'en'] },
      { path: 'benefits.bronze.pointsMultiplier', field: ['benefits', 'bronze', 'pointsMultiplier'] },
    ]))
  })
})
