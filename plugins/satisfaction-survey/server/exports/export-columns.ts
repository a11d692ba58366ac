/**
 * @module
 * The columns of a response export and how a stored response becomes one row of cells: fixed
 * columns, one per question (and other-text), then hidden fields and the profile snapshot as JSON.
 */
import type { QuestionInfo } from '../validation/index.js'
import { fromJson } from '../json-column.js'

/** A stored response as the export reads it. */
export type ExportRow = {
  seq: number; id: string; survey_id: string; version: number; channel: string; status: string; customer_id: string | null; locale: string
  started_at: string; completed_at: string | null; nps: number | null; csat: number | null; ces: number | null; answers: unknown; hidden: unknown; profile_snapshot: unknown
}

/** The columns it selects. */
export const EXPORT_SELECT = 'r.seq, r.id, r.survey_id, r.version, r.channel, r.status, r.customer_id, r.locale, r.started_at, r.completed_at, r.nps, r.csat, r.ces, r.answers, r.hidden, r.profile_snapshot'

const FIXED = ['responseId', 'surveyId', 'version', 'channel', 'status', 'customerId', 'locale', 'startedAt', 'completedAt', 'nps', 'csat', 'ces'] as const
const TRAILING = ['hidden', 'profileSnapshot'] as const

/** A cell: text, a number or empty. */
export type Cell = string | number | null

/**
 * Answer keys in column order: each question, then its other-text when some version showed an
 * "other" item (`otherTextKeys`, else only the questions' own).
 */
function answerKeysOf(questions: readonly QuestionInfo[], otherTextKeys: ReadonlySet<string>): string[] {
  return questions.filter((q) => !q.displayOnly).flatMap((q) => {
    const other = q.otherTextKey ?? `${q.name}-Comment`
    return q.otherTextKey || otherTextKeys.has(other) ? [q.name, other] : [q.name]
  })
}

// A question named like a fixed column (`nps`, `channel`) or another column gets the import's
// spelling, `answers.<name>`, so no two columns share a header (spreadsheets and CSV readers keep one).
function uniqueHeaders(answerKeys: readonly string[]): string[] {
  const taken = new Set<string>([...FIXED, ...TRAILING])
  return answerKeys.map((key) => {
    let header = taken.has(key) ? `answers.${key}` : key
    for (let n = 2; taken.has(header); n++) header = `answers.${key} (${n})`
    taken.add(header)
    return header
  })
}

/**
 * Header and row maker for a survey's questions.
 * @example const layout = exportLayout(questions, otherTextKeys); layout.header; layout.cells(row)
 */
export function exportLayout(questions: readonly QuestionInfo[], otherTextKeys: ReadonlySet<string> = new Set()): { header: string[]; cells(row: ExportRow): Cell[] } {
  const answerKeys = answerKeysOf(questions, otherTextKeys)
  const answerHeaders = uniqueHeaders(answerKeys)
  return {
    header: [...FIXED, ...answerHeaders, ...TRAILING],
    cells(r) {
      const answers = fromJson<Record<string, unknown>>(r.answers) ?? {}
      const num = (v: number | null) => (v === null || v === undefined ? null : Number(v))
      return [
        r.id, r.survey_id, Number(r.version), r.channel, r.status, r.customer_id, r.locale, r.started_at, r.completed_at, num(r.nps), num(r.csat), num(r.ces),
        ...answerKeys.map((key) => cellOf(answers[key])),
        jsonText(fromJson(r.hidden)), jsonText(fromJson(r.profile_snapshot)),
      ]
    },
  }
}

const jsonText = (v: unknown): string | null => (v === null || v === undefined || (typeof v === 'object' && Object.keys(v).length === 0) ? null : JSON.stringify(v))

/** Scalars as they are, lists joined with `; `, objects (matrix rows) as JSON. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join('; ')
  return JSON.stringify(value)
}
