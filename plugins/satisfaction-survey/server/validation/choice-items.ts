/**
 * @module
 * Choice, row and column items as SurveyJS reads them: `"a"`, `3`, `"a|Text"` (value|text) or
 * `{ value, text }`; and the values a rating question offers.
 */
import type { ChoiceInfo } from './survey-json.js'

/** An item read the way survey-core's ItemValue reads it, or undefined when it is malformed. */
export function readItem(item: unknown): ChoiceInfo | undefined {
  if (typeof item === 'number') return Number.isFinite(item) ? { value: item, text: String(item) } : undefined
  if (typeof item === 'string') {
    if (item === '') return undefined
    const bar = item.indexOf('|')
    return bar < 0 ? { value: item, text: item } : { value: item.slice(0, bar), text: item.slice(bar + 1) }
  }
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined
  const { value, text, ...rest } = item as Record<string, unknown>
  if (Object.keys(rest).length > 0) return undefined
  if (!(typeof value === 'string' && value !== '') && !(typeof value === 'number' && Number.isFinite(value))) return undefined
  return { value, text: text ?? String(value) }
}

/** Reads a list of items; reports the index of the first malformed one and of the first duplicate value. */
export function readItems(items: unknown[]): { items: ChoiceInfo[]; malformedAt?: number; duplicateAt?: number } {
  const out: ChoiceInfo[] = []
  const seen = new Set<string | number>()
  for (let i = 0; i < items.length; i++) {
    const item = readItem(items[i])
    if (!item) return { items: out, malformedAt: i }
    if (seen.has(item.value)) return { items: out, duplicateAt: i }
    seen.add(item.value)
    out.push(item)
  }
  return { items: out }
}

/** The values of a rating question: `rateValues` when given, else rateMin..rateMax by rateStep (defaults 1, 5, 1). */
export function ratingValues(question: Record<string, unknown>): number[] | string {
  if (Array.isArray(question.rateValues) && question.rateValues.length > 0) {
    const { items, malformedAt, duplicateAt } = readItems(question.rateValues)
    if (malformedAt !== undefined) return `rateValues[${malformedAt}] is not a value`
    if (duplicateAt !== undefined) return `rateValues[${duplicateAt}] repeats a value`
    if (!items.every((item) => typeof item.value === 'number' && Number.isInteger(item.value))) return 'rateValues must be integers'
    return items.map((item) => item.value as number)
  }
  const min = question.rateMin ?? 1
  const max = question.rateMax ?? 5
  const step = question.rateStep ?? 1
  if (!Number.isInteger(min) || !Number.isInteger(max) || !Number.isInteger(step)) return 'rateMin, rateMax and rateStep must be integers'
  const [lo, hi, by] = [min as number, max as number, step as number]
  if (by <= 0) return 'rateStep must be positive'
  if (lo >= hi) return `rateMin ${lo} must be below rateMax ${hi}`
  if ((hi - lo) % by !== 0) return `rateStep ${by} does not divide the range ${lo}..${hi}`
  const values: number[] = []
  for (let v = lo; v <= hi; v += by) values.push(v)
  return values
}
