/**
 * @module
 * Labels and help of config fields, in en and zh-CN. They live on the config schema itself, as zod
 * metadata (`.meta()`), so they travel with each field into the JSON Schema the host serves, and the
 * admin's generated settings form shows them instead of the keys. {@link unlabelledConfigFields}
 * finds the fields the form would show without a label.
 */
import { z } from '@hono/zod-openapi'
import type { Labels } from '@rapport/core'

/** A text in both first-class languages: `{ en, 'zh-CN' }` or `[en, zh-CN]`. */
export type TextInput = Labels | readonly [en: string, zhCN: string]

/** What the settings form reads from a config field's metadata. */
export type ConfigFieldText = {
  /** The field's name in the form. */
  label: Labels
  /** A line under the field: what it does, in the reader's words. */
  help?: Labels
  /** Names of an enum's values (or of a list's allowed values), by value. */
  valueLabels?: Record<string, Labels>
}

declare module 'zod' {
  // Typed `.meta({ label, help, valueLabels })` on any schema (zod's documented way to extend its metadata).
  interface GlobalMeta extends Partial<ConfigFieldText> {}
}

const toLabels = (text: TextInput): Labels => (Array.isArray(text) ? { en: text[0], 'zh-CN': text[1] } : (text as Labels))

/**
 * The metadata of a config field: its label, help and value names, from `[en, zh-CN]` pairs.
 * @param label the field's name in the settings form
 * @param help what the field does (shown under it)
 * @param valueLabels names of an enum's values
 * @example
 * z.object({
 *   loyalAfter: z.number().int().positive().default(3)
 *     .meta(configText(['Orders to be loyal', '成为忠诚客户的订单数'], ['A customer with this many orders is loyal.', '订单数达到此值的客户为忠诚客户。'])),
 * })
 */
export function configText(label: TextInput, help?: TextInput, valueLabels?: Record<string, TextInput>): ConfigFieldText {
  return {
    label: toLabels(label),
    ...(help ? { help: toLabels(help) } : {}),
    ...(valueLabels ? { valueLabels: Object.fromEntries(Object.entries(valueLabels).map(([value, text]) => [value, toLabels(text)])) } : {}),
  }
}

type Json = Record<string, unknown>
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const hasBoth = (v: unknown): boolean => isJson(v) && typeof v.en === 'string' && v.en !== '' && typeof v['zh-CN'] === 'string' && v['zh-CN'] !== ''

/** The allowed values of a field or of its list's items: what the form offers to pick. */
const valuesOf = (s: Json): unknown[] => (Array.isArray(s.enum) ? s.enum : isJson(s.items) && Array.isArray(s.items.enum) ? s.items.enum : [])

function missing(s: Json, at: string[]): string[] {
  if (!isJson(s.properties)) return []
  return Object.entries(s.properties).flatMap(([key, child]) => {
    if (!isJson(child)) return []
    const path = [...at, key].join('.')
    const own = [
      ...(hasBoth(child.label) ? [] : [path]),
      ...valuesOf(child).filter((v) => !(isJson(child.valueLabels) && hasBoth(child.valueLabels[String(v)]))).map((v) => `${path}=${String(v)}`),
    ]
    // An object with fixed properties is a fieldset of its own fields; records and lists are edited whole.
    const nested = child.type === 'object' && !isJson(child.additionalProperties) ? missing(child, [...at, key]) : []
    return [...own, ...nested]
  })
}

/**
 * The config fields the admin's settings form would show without a label in en and zh-CN (`caps.perDay`),
 * and enum values without a name (`mode=percentile`). A plugin's test expects it empty.
 * @example expect(unlabelledConfigFields(plugin.config)).toEqual([])
 */
export function unlabelledConfigFields(config: z.ZodType | undefined): string[] {
  if (!config) return []
  return missing(z.toJSONSchema(config, { io: 'input', unrepresentable: 'any' }) as Json, [])
}
