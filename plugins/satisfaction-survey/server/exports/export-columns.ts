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

/** A cell: text, a number or empty. */
export type Cell = string | number | null

/** Questions whose answers may carry an other-text (`<name>-Comment`). */
const HAS_OTHER = new Set(['radiogroup', 'checkbox', 'dropdown'])

/** Header and row maker for a survey's questions. @example const layout = exportLayout(questions); layout.header; layout.cells(row) */
export function exportLayout(questions: readonly QuestionInfo[]): { header: string[]; cells(row: ExportRow): Cell[] } {
  const answerKeys = questions.filter((q) => !q.displayOnly).flatMap((q) => (HAS_OTHER.has(q.type) ? [q.name, `${q.name}-Comment`] : [q.name]))
  return {
    header: [...FIXED, ...answerKeys, 'hidden', 'profileSnapshot'],
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
