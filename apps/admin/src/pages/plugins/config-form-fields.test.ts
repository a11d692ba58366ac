import { describe, expect, it } from 'vitest'
import { configFormFields } from './config-form-fields'
import { configOf, fieldNameOfIssue, formValuesOf } from './config-form-values'

/** What zod 4 writes for `z.object({ thresholdMinor: z.number().int().positive().default(100_000) })`. */
const orderStatsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: { thresholdMinor: { default: 100000, type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 } },
}

const richSchema = {
  type: 'object',
  required: ['currency'],
  properties: {
    currency: { type: 'string', minLength: 3, maxLength: 3, default: 'CNY', description: 'ISO 4217 code' },
    pointsPerUnit: { type: 'number', minimum: 0, maximum: 1000, default: 1 },
    autoEnrol: { type: 'boolean', default: true },
    mode: { type: 'string', enum: ['percentile', 'thresholds'], default: 'percentile' },
    channels: { type: 'array', items: { type: 'string' }, default: ['email'] },
    quietHours: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 23 } },
    categoryMultipliers: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'number' }, default: {} },
    segments: { type: 'array', items: { type: 'object', properties: { segment: { type: 'string' } } } },
    caps: {
      type: 'object',
      title: 'Caps',
      properties: { perDay: { type: 'integer', exclusiveMinimum: 0 }, perCustomer: { type: 'integer', exclusiveMinimum: 0 } },
      default: {},
    },
  },
}

describe('configFormFields', () => {
  it('maps an integer with bounds and a default to a number field', () => {
    expect(configFormFields(orderStatsSchema)).toEqual([
      {
        key: 'thresholdMinor',
        name: ['thresholdMinor'],
        label: 'thresholdMinor',
        required: false,
        defaultValue: 100000,
        kind: 'number',
        integer: true,
        exclusiveMin: 0,
        max: 9007199254740991,
      },
    ])
  })

  it.each([
    ['currency', 'string'],
    ['pointsPerUnit', 'number'],
    ['autoEnrol', 'boolean'],
    ['mode', 'enum'],
    ['channels', 'tags'],
    ['quietHours', 'tags'],
    ['categoryMultipliers', 'json'],
    ['segments', 'json'],
    ['caps', 'object'],
  ])('maps %s to a %s field', (key, kind) => {
    expect(configFormFields(richSchema).find((f) => f.key === key)?.kind).toBe(kind)
  })

  it('keeps descriptions, required keys, lengths, enum options and titles', () => {
    const fields = configFormFields(richSchema)
    expect(fields.find((f) => f.key === 'currency')).toMatchObject({ required: true, description: 'ISO 4217 code', minLength: 3, maxLength: 3 })
    expect(fields.find((f) => f.key === 'mode')).toMatchObject({ options: ['percentile', 'thresholds'], defaultValue: 'percentile' })
    expect(fields.find((f) => f.key === 'pointsPerUnit')).toMatchObject({ integer: false, min: 0, max: 1000 })
    expect(fields.find((f) => f.key === 'caps')?.label).toBe('Caps')
  })

  it('keeps the labels, help and value names a plugin declared in en and zh-CN', () => {
    const labelled = {
      type: 'object',
      properties: {
        mode: {
          type: 'string', enum: ['percentile', 'thresholds'],
          label: { en: 'Tier mode', 'zh-CN': '分级方式' }, help: { en: 'How tiers are cut', 'zh-CN': '如何划分等级' },
          valueLabels: { percentile: { en: 'By share', 'zh-CN': '按比例' }, thresholds: { en: 'By spend', 'zh-CN': '按消费额' } },
        },
        bare: { type: 'integer', label: 'not labels' },
      },
    }
    const [mode, bare] = configFormFields(labelled)
    expect(mode).toMatchObject({
      label: 'mode', labels: { en: 'Tier mode', 'zh-CN': '分级方式' }, help: { en: 'How tiers are cut', 'zh-CN': '如何划分等级' },
      valueLabels: { percentile: { en: 'By share', 'zh-CN': '按比例' }, thresholds: { en: 'By spend', 'zh-CN': '按消费额' } },
    })
    expect(bare).not.toHaveProperty('labels')
  })

  it('nests the fields of an object under its path', () => {
    const caps = configFormFields(richSchema).find((f) => f.key === 'caps')
    expect(caps?.kind === 'object' && caps.fields.map((f) => [f.name, f.kind])).toEqual([
      [['caps', 'perDay'], 'number'],
      [['caps', 'perCustomer'], 'number'],
    ])
  })

  it('gives no fields for a schema without properties', () => {
    expect(configFormFields({})).toEqual([])
    expect(configFormFields(undefined)).toEqual([])
  })
})

describe('config form values', () => {
  const fields = configFormFields(richSchema)

  it('starts from the config and falls back to defaults; JSON fields hold text', () => {
    expect(formValuesOf(fields, { pointsPerUnit: 2, caps: { perDay: 50 } })).toEqual({
      currency: 'CNY',
      pointsPerUnit: 2,
      autoEnrol: true,
      mode: 'percentile',
      channels: ['email'],
      categoryMultipliers: '{}',
      segments: '',
      caps: { perDay: 50 },
    })
  })

  it('sends the whole object, leaving empty optional fields out and keeping unknown keys', () => {
    const values = { ...formValuesOf(fields, {}), pointsPerUnit: null, categoryMultipliers: '{ "tea": 2 }', caps: { perDay: 10, perCustomer: null } }
    expect(configOf(fields, values, { legacy: true })).toEqual({
      legacy: true,
      currency: 'CNY',
      autoEnrol: true,
      mode: 'percentile',
      channels: ['email'],
      categoryMultipliers: { tea: 2 },
      caps: { perDay: 10 },
    })
  })

  it('sends typed numeric tags as numbers', () => {
    expect(fields.find((f) => f.key === 'quietHours')).toMatchObject({ kind: 'tags', numeric: true })
    expect(configOf(fields, { ...formValuesOf(fields, {}), quietHours: ['22', 7] }).quietHours).toEqual([22, 7])
  })

  it('round-trips the order-stats config', () => {
    const orderStats = configFormFields(orderStatsSchema)
    expect(configOf(orderStats, formValuesOf(orderStats, { thresholdMinor: 5000 }))).toEqual({ thresholdMinor: 5000 })
  })

  it.each([
    ['thresholdMinor', undefined],
    ['caps.perDay', ['caps', 'perDay']],
    ['categoryMultipliers.tea', ['categoryMultipliers']],
    ['currency', ['currency']],
    ['caps', undefined],
    ['', undefined],
  ])('puts the issue at %j on field %j', (path, name) => {
    expect(fieldNameOfIssue(fields, path)).toEqual(name)
  })
})
