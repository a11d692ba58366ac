/**
 * @module
 * The profile field kit: each plugin declares its fields with labels in en and zh-CN.
 */
import type { FieldSpec, Labels } from '@rapport/core'

type Options = { description?: Labels }

/** Turns `['Balance', '积分余额']` or a Labels object into Labels. */
const toLabels = (label: Labels | readonly [en: string, zhCN: string]): Labels =>
  Array.isArray(label) ? { en: label[0], 'zh-CN': label[1] } : (label as Labels)

// The kind stays a literal in the type, so a contract can give each field its value type (`integer` → number).
const make = <K extends FieldSpec['kind']>(kind: K) => (label: Labels | readonly [string, string], options: Options = {}): FieldSpec & { kind: K } => ({
  kind, label: toLabels(label), ...(options.description ? { description: options.description } : {}),
})

/**
 * Profile field declarations. Labels are `[en, zh-CN]` or `{ en, 'zh-CN' }`.
 * @example
 * profile: {
 *   balance: field.integer(['Points balance', '积分余额']),
 *   tier: field.enum(['diamond', 'silver', 'bronze', 'iron'], ['Value tier', '价值等级'], {
 *     valueLabels: { diamond: ['Diamond', '金钻'], silver: ['Silver', '白银'], bronze: ['Bronze', '铜'], iron: ['Iron', '铁'] },
 *   }),
 * }
 */
export const field = {
  number: make('number'),
  integer: make('integer'),
  string: make('string'),
  boolean: make('boolean'),
  /** A calendar date `YYYY-MM-DD` or an ISO-8601 time. */
  date: make('date'),
  enum<const V extends string>(values: readonly V[], label: Labels | readonly [string, string], options: Options & { valueLabels?: Record<V, Labels | readonly [string, string]> } = {}): FieldSpec & { kind: 'enum'; values: readonly V[] } {
    const valueLabels = options.valueLabels
      ? Object.fromEntries(Object.entries(options.valueLabels).map(([k, v]) => [k, toLabels(v as Labels)])) as Record<string, Labels>
      : undefined
    return { kind: 'enum', values, label: toLabels(label), ...(valueLabels ? { valueLabels } : {}), ...(options.description ? { description: options.description } : {}) }
  },
}
