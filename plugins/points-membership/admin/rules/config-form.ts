/**
 * @module
 * The earning rules of the plugin config as the rules form edits them (maps become rows), back
 * again, and the server's `PLUGIN_CONFIG_INVALID` issues placed on the rows and fields they name.
 */

/** The form's values. */
export type RulesForm = {
  pointsPerUnit: number
  categoryMultipliers: { category: string; multiplier: number }[]
  eventBonuses: { type: string; points: number; oncePerCustomer: boolean; segmentId?: string | null }[]
  caps: { perDay?: number | null; perCustomer?: number | null }
  returnWindowDays: number
  expiryDays: number
  signupBonus: number
  birthdayPoints: number
  pointValueMinor: number
}

type Config = Record<string, unknown>
const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback)
const record = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})

/** @example form.setFieldsValue(toForm(plugin.config)) */
export function toForm(config: Config): RulesForm {
  const caps = record(config.caps)
  return {
    pointsPerUnit: num(config.pointsPerUnit, 1),
    categoryMultipliers: Object.entries(record(config.categoryMultipliers)).map(([category, multiplier]) => ({ category, multiplier: num(multiplier, 1) })),
    eventBonuses: Object.entries(record(config.eventBonuses)).map(([type, b]) => ({
      type, points: num(record(b).points, 0), oncePerCustomer: record(b).oncePerCustomer === true,
      segmentId: typeof record(b).segmentId === 'string' ? (record(b).segmentId as string) : null,
    })),
    caps: { perDay: typeof caps.perDay === 'number' ? caps.perDay : null, perCustomer: typeof caps.perCustomer === 'number' ? caps.perCustomer : null },
    returnWindowDays: num(config.returnWindowDays, 7),
    expiryDays: num(config.expiryDays, 365),
    signupBonus: num(config.signupBonus, 0),
    birthdayPoints: num(record(config.birthdayBonus).points, 0),
    pointValueMinor: num(config.pointValueMinor, 1),
  }
}

/** The whole config to PUT: the current one with the form's values over it. */
export function fromForm(current: Config, v: RulesForm): Config {
  const caps: Record<string, number> = {}
  if (typeof v.caps.perDay === 'number') caps.perDay = v.caps.perDay
  if (typeof v.caps.perCustomer === 'number') caps.perCustomer = v.caps.perCustomer
  return {
    ...current,
    pointsPerUnit: v.pointsPerUnit,
    categoryMultipliers: Object.fromEntries((v.categoryMultipliers ?? []).map((r) => [r.category?.trim() ?? '', r.multiplier])),
    eventBonuses: Object.fromEntries((v.eventBonuses ?? []).map((r) => [
      r.type?.trim() ?? '', { points: r.points, oncePerCustomer: Boolean(r.oncePerCustomer), ...(r.segmentId ? { segmentId: r.segmentId } : {}) },
    ])),
    caps,
    returnWindowDays: v.returnWindowDays,
    expiryDays: v.expiryDays,
    signupBonus: v.signupBonus,
    birthdayBonus: { ...record(current.birthdayBonus), points: v.birthdayPoints },
    pointValueMinor: v.pointValueMinor,
  }
}

/** An antd field name. */
export type FieldName = (string | number)[]

/**
 * The form field a config issue path names: `categoryMultipliers.tea` → that row's multiplier,
 * `eventBonuses.survey.response.completed.points` → that row's points (types contain dots), a
 * bad key → that row's type; undefined when no field fits.
 */
export function fieldOfIssue(path: string, v: RulesForm): FieldName | undefined {
  const top: Record<string, FieldName> = {
    pointsPerUnit: ['pointsPerUnit'], 'caps.perDay': ['caps', 'perDay'], 'caps.perCustomer': ['caps', 'perCustomer'], returnWindowDays: ['returnWindowDays'],
    expiryDays: ['expiryDays'], signupBonus: ['signupBonus'], 'birthdayBonus.points': ['birthdayPoints'], pointValueMinor: ['pointValueMinor'],
  }
  if (top[path]) return top[path]
  const cat = (v.categoryMultipliers ?? []).findIndex((r) => path === `categoryMultipliers.${r.category?.trim()}`)
  if (cat >= 0) return ['categoryMultipliers', cat, 'multiplier']
  const rows = v.eventBonuses ?? []
  // The longest matching type wins, so `a.b` does not claim the issues of `a.b.c`.
  const ev = rows.map((r, i) => ({ i, type: r.type?.trim() ?? '' }))
    .filter(({ type }) => path === `eventBonuses.${type}` || path.startsWith(`eventBonuses.${type}.`))
    .sort((a, b) => b.type.length - a.type.length)[0]
  if (ev) {
    const rest = path.slice(`eventBonuses.${ev.type}`.length)
    return ['eventBonuses', ev.i, rest === '.points' ? 'points' : rest === '.oncePerCustomer' ? 'oncePerCustomer' : 'type']
  }
  return undefined
}
