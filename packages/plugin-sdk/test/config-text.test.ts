/**
 * Config field labels: `configText` builds the metadata the settings form reads, it reaches the JSON
 * Schema the host serves, and `unlabelledConfigFields` names every field the form would show bare.
 */
import { describe, expect, it } from 'vitest'
import { configText, unlabelledConfigFields, z } from '../src/index.js'

const config = z.object({
  loyalAfter: z.number().int().positive().default(3).meta(configText(['Orders to be loyal', '忠诚订单数'], ['Loyal from this many orders.', '订单数达到此值即为忠诚客户。'])),
  mode: z.enum(['spend', 'orders']).default('spend').meta(configText(['Measure', '衡量'], undefined, { spend: ['Spend', '消费额'], orders: ['Orders', '订单数'] })),
  caps: z.object({ perDay: z.number().int().optional().meta(configText(['Per day', '每日'])) }).default({}),
  multipliers: z.record(z.string(), z.object({ by: z.number() })).default({}).meta(configText(['Multipliers', '倍数'])),
})

describe('config field labels', () => {
  it('travel in the JSON Schema as label, help and valueLabels', () => {
    const json = z.toJSONSchema(config, { io: 'input' }) as { properties: Record<string, Record<string, unknown>> }
    expect(json.properties.loyalAfter).toMatchObject({ label: { en: 'Orders to be loyal', 'zh-CN': '忠诚订单数' }, help: { en: 'Loyal from this many orders.' }, default: 3 })
    expect(json.properties.mode?.valueLabels).toEqual({ spend: { en: 'Spend', 'zh-CN': '消费额' }, orders: { en: 'Orders', 'zh-CN': '订单数' } })
  })

  it('are missing on the fieldset, not inside a record edited whole', () => {
    expect(unlabelledConfigFields(config)).toEqual(['caps'])
  })

  it('need both languages, and a name for every enum value', () => {
    const half = z.object({
      a: z.number().meta({ label: { en: 'A', 'zh-CN': '' } }),
      b: z.enum(['x', 'y']).meta(configText(['B', '乙'], undefined, { x: ['X', '叉'] })),
    })
    expect(unlabelledConfigFields(half)).toEqual(['a', 'b=y'])
    expect(unlabelledConfigFields(undefined)).toEqual([])
  })
})
