/**
 * @module
 * The settings form's values and the tiering config, both ways. The form edits the common keys in
 * a shape people can type: tier thresholds as the start of each tier above iron (so ranges stay
 * contiguous), ladder values as text; segment rules, tier names and benefits as they are stored.
 */
import type { TieringConfig } from '../../server/config'

export const LADDER_STEPS = ['possible', 'firstTime', 'regular', 'supporter', 'advocate'] as const
export type LadderStepKey = (typeof LADDER_STEPS)[number]
export const UPPER_TIERS = ['bronze', 'silver', 'diamond'] as const
export const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'] as const

export type FormCriterion = { field: string; op: (typeof OPS)[number]; valueText: string; missing: 'fails' | 'holds' }
export type FormCondition = FormCriterion | { anyOf: FormCriterion[] }
type Starts = Record<(typeof UPPER_TIERS)[number], number>

export type ConfigFormValues = {
  windowDays: number
  minCutPointPopulation: number
  tiers: Pick<TieringConfig['tiers'], 'mode' | 'basis' | 'percentiles' | 'downgrade' | 'graceDays' | 'names'> & { spendStarts: Starts; pointsStarts: Starts }
  recency: TieringConfig['recency']
  ladder: Record<LadderStepKey, { automatic: boolean; conditions: FormCondition[] }>
  segments: TieringConfig['segments']
  fallbackSegment: TieringConfig['fallbackSegment']
  benefits: TieringConfig['benefits']
}

type Criterion = { field: string; op: FormCriterion['op']; value?: unknown; missing?: 'fails' | 'holds' }
type Condition = Criterion | { anyOf: Criterion[] }

const valueText = (value: unknown): string => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value))
/** A typed word as the value it means: a number when it reads as one, else the text. */
const scalar = (text: string): number | string => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text)

/** The value of a criterion from its text: none for `exists` or an empty box (the server then names the missing value), a list for `in`. */
export function parseValue(op: FormCriterion['op'], text: string): unknown {
  const trimmed = text.trim()
  if (op === 'exists' || trimmed === '') return undefined
  if (op === 'in') return trimmed.split(',').map((s) => s.trim()).filter(Boolean).map(scalar)
  return scalar(trimmed)
}

const criterionToForm = (k: Criterion): FormCriterion => ({ field: k.field, op: k.op, valueText: valueText(k.value), missing: k.missing ?? 'fails' })
const criterionFromForm = (k: FormCriterion): Criterion => {
  const value = parseValue(k.op, k.valueText ?? '')
  return { field: k.field?.trim() ?? '', op: k.op, ...(value === undefined ? {} : { value }), missing: k.missing ?? 'fails' }
}

/** @example form.setFieldsValue(toFormValues(config)) */
export function toFormValues(config: TieringConfig): ConfigFormValues {
  const { thresholds, pointsThresholds } = config.tiers
  return {
    windowDays: config.windowDays,
    minCutPointPopulation: config.minCutPointPopulation,
    tiers: {
      mode: config.tiers.mode, basis: config.tiers.basis, percentiles: { ...config.tiers.percentiles },
      downgrade: config.tiers.downgrade, graceDays: config.tiers.graceDays, names: structuredClone(config.tiers.names),
      spendStarts: { bronze: thresholds.bronze.minMinor, silver: thresholds.silver.minMinor, diamond: thresholds.diamond.minMinor },
      pointsStarts: { bronze: pointsThresholds.bronze.min, silver: pointsThresholds.silver.min, diamond: pointsThresholds.diamond.min },
    },
    recency: { ...config.recency },
    ladder: Object.fromEntries(LADDER_STEPS.map((step) => {
      const conditions = (config.ladder[step] ?? null) as Condition[] | null
      return [step, {
        automatic: conditions !== null,
        conditions: (conditions ?? []).map((c) => ('anyOf' in c ? { anyOf: c.anyOf.map(criterionToForm) } : criterionToForm(c))),
      }]
    })) as ConfigFormValues['ladder'],
    segments: structuredClone(config.segments),
    fallbackSegment: config.fallbackSegment,
    benefits: structuredClone(config.benefits),
  }
}

/** The config to preview or save: the form's values over `base` (which supplies every key the form does not edit). @example previewConfig(toConfig(form.getFieldsValue(true), base)) */
export function toConfig(values: ConfigFormValues, base: TieringConfig): TieringConfig {
  const { spendStarts: s, pointsStarts: p, mode, basis, percentiles, downgrade, graceDays, names } = values.tiers
  const tiers = { mode, basis, percentiles, downgrade, graceDays, ...(names ? { names } : {}) }
  return {
    ...base,
    windowDays: values.windowDays,
    minCutPointPopulation: values.minCutPointPopulation,
    tiers: {
      ...base.tiers, ...tiers,
      thresholds: { iron: { minMinor: 0, maxMinor: s.bronze }, bronze: { minMinor: s.bronze, maxMinor: s.silver }, silver: { minMinor: s.silver, maxMinor: s.diamond }, diamond: { minMinor: s.diamond } },
      pointsThresholds: { iron: { min: 0, max: p.bronze }, bronze: { min: p.bronze, max: p.silver }, silver: { min: p.silver, max: p.diamond }, diamond: { min: p.diamond } },
    },
    recency: { ...base.recency, ...values.recency },
    ladder: Object.fromEntries(LADDER_STEPS.map((step) => {
      const { automatic, conditions } = values.ladder[step]
      return [step, automatic ? (conditions ?? []).map((c) => ('anyOf' in c ? { anyOf: (c.anyOf ?? []).map(criterionFromForm) } : criterionFromForm(c))) : null]
    })) as TieringConfig['ladder'],
    ...(values.segments ? { segments: values.segments } : {}),
    ...(values.fallbackSegment ? { fallbackSegment: values.fallbackSegment } : {}),
    ...(values.benefits ? { benefits: values.benefits } : {}),
  }
}

/**
 * The form field a server issue belongs to, or undefined when none shows it (the page lists those).
 * @example formFieldOfIssue('ladder.supporter.2.anyOf.0.value') // ['ladder', 'supporter', 'conditions', 2, 'anyOf', 0, 'valueText']
 */
export function formFieldOfIssue(path: string): (string | number)[] | undefined {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))
  const [head, second, third] = parts
  if (head === 'windowDays' || head === 'minCutPointPopulation' || head === 'fallbackSegment') return [head]
  // Segment rules, names and benefits are edited as stored: the path is the field (a range's end is its box).
  if (head === 'segments' || head === 'benefits') return parts.length > 1 ? (head === 'segments' ? parts.slice(0, 3) : parts) : undefined
  if (head === 'recency' && typeof second === 'string') return ['recency', second]
  if (head === 'tiers') {
    if (second === 'percentiles') return third === undefined ? ['tiers', 'percentilesTotal'] : ['tiers', 'percentiles', third]
    if (second === 'thresholds' || second === 'pointsThresholds') {
      const starts = second === 'thresholds' ? 'spendStarts' : 'pointsStarts'
      return ['tiers', starts, third === 'iron' || third === undefined ? 'bronze' : third]
    }
    if (second === 'names') return parts.length > 2 ? parts : undefined
    if (second === 'mode' || second === 'basis' || second === 'downgrade' || second === 'graceDays') return ['tiers', second]
    return undefined
  }
  if (head === 'ladder' && typeof second === 'string' && typeof third === 'number') {
    const rest = parts.slice(3).map((p) => (p === 'value' ? 'valueText' : p))
    const last = rest.at(-1)
    const leaf = last === 'field' || last === 'op' || last === 'valueText' || last === 'missing'
    return ['ladder', second, 'conditions', third, ...(leaf ? rest : [...rest, 'field'])]
  }
  return undefined
}
