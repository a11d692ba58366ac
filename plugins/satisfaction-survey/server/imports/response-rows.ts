/**
 * @module
 * Past survey responses as import rows. Each row is checked by the same compiled validator as a
 * live submission (unknown questions and bad values are SURVEY_ANSWER_INVALID, broken rules
 * SURVEY_ANSWER_RULES, each naming its `answers.<question>` column), stored completed on its own
 * date (`answeredAt`), and recorded as a live completion is: `survey.response.completed` (and
 * `survey.detractor`) with `occurredAt` = answeredAt, then the profile mirror. The response id
 * is the idempotency key: a repeated one is a duplicate and writes nothing.
 */
import type { PluginContext, Queryable, RowCells, RowImportKind, RowIssue } from '@rapport/plugin-sdk'
import { findRowCustomer, ROW_CUSTOMER_COLUMNS, z } from '@rapport/plugin-sdk'
import { surveyLocales } from '../../shared/schemas.js'
import type { AnswerDeps } from '../responses/answer-deps.js'
import { recordCompletion } from '../responses/record-completion.js'
import { findResponse, insertResponse } from '../responses/response-store.js'
import { scoresOf } from '../responses/scores-of.js'
import { surveyErrors } from '../errors.js'
import type { Version } from '../surveys/survey-store.js'
import { ANSWER_PREFIX, answersOf } from './answer-cells.js'
import { createSurveyResolver } from './survey-resolver.js'

const OPTIONAL = ['surveyId', 'version', 'locale', ...ROW_CUSTOMER_COLUMNS, `${ANSWER_PREFIX}<question>`]
const RESPONSE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,59}$/
const answeredAtSchema = z.iso.datetime({ offset: true })

/** A checked response row. */
export type ResponseRow = {
  id: string; customerId: string; version: Version; answers: Record<string, unknown>; answeredAt: string; locale: string
}

/** What the rows need: the plugin context and the answer pipeline's caches. */
export type ResponseRowDeps = AnswerDeps & Pick<PluginContext, 'db' | 'customers'>

/** The stored id of an imported response: its own id, prefixed so it never meets a live `rsp_` id. @example importedResponseId('Q-1') // 'imp_Q-1' */
export const importedResponseId = (responseId: string): string => `imp_${responseId}`

const cellIssue = (column: string, reason: string): RowIssue => {
  const e = surveyErrors.IMPORT_CELL_INVALID({ column, reason })
  return { column, code: e.code, message: e.message }
}

function answeredAtOf(cells: RowCells, now: Date, errors: RowIssue[]): string | undefined {
  const value = cells.get('answeredAt')
  if (value === undefined) { errors.push(cellIssue('answeredAt', 'is required')); return undefined }
  if (typeof value !== 'string' || !answeredAtSchema.safeParse(value).success) { errors.push(cellIssue('answeredAt', 'must be an ISO-8601 time with its offset, such as 2025-03-01T10:00:00+08:00')); return undefined }
  const at = new Date(value).toISOString()
  if (at > now.toISOString()) { errors.push(cellIssue('answeredAt', 'is in the future')); return undefined }
  return at
}

/**
 * @param defaultSurvey the survey (id or name) of rows without a `surveyId` cell (`?survey=`, `--survey`)
 * @example await importRows(ctx.db, responseRows(deps, surveyId), { csv }, { mode: 'valid-only' })
 */
export function responseRows(deps: ResponseRowDeps, defaultSurvey?: string): RowImportKind<ResponseRow> {
  const surveys = createSurveyResolver(deps.db)
  return {
    kind: 'responses',
    required: [['responseId'], ['answeredAt']],
    optional: OPTIONAL,
    allows: (column) => OPTIONAL.includes(column) || (column.startsWith(ANSWER_PREFIX) && column.length > ANSWER_PREFIX.length),
    malformedCode: surveyErrors.IMPORT_CELL_INVALID.code,

    async check(cells, source) {
      const errors: RowIssue[] = []
      const responseId = cells.get('responseId')
      if (typeof responseId !== 'string' || !RESPONSE_ID.test(responseId)) errors.push(cellIssue('responseId', 'is required: 1-60 letters, digits and . _ : -'))
      const customer = await findRowCustomer(deps.customers, cells, surveyErrors)
      if ('issue' in customer) errors.push(customer.issue)
      const answeredAt = answeredAtOf(cells, deps.now(), errors)
      const locale = cells.get('locale') ?? undefined
      if (locale !== undefined && !(surveyLocales as readonly unknown[]).includes(locale)) errors.push(cellIssue('locale', `must be one of ${surveyLocales.join(', ')}`))
      const surveyRef = cells.get('surveyId') ?? defaultSurvey
      const found = await surveys.versionOf(surveyRef, cells.get('version'))
      if ('issue' in found) errors.push(found.issue)
      else {
        const compiled = deps.compiled.of(found.version)
        const verdict = compiled.validate(answersOf(cells, compiled.questions, source))
        for (const [issues, code] of [[verdict.structural, surveyErrors.ANSWER_INVALID.code], [verdict.rules, surveyErrors.ANSWER_RULES.code]] as const) {
          for (const issue of issues) errors.push({ column: issue.question ? `${ANSWER_PREFIX}${issue.question}` : '(row)', code, message: `${issue.code}: ${issue.message}` })
        }
        if (errors.length === 0 && 'customerId' in customer && answeredAt) {
          return { ok: true, value: { id: importedResponseId(responseId as string), customerId: customer.customerId, version: found.version, answers: verdict.accepted, answeredAt, locale: (locale as string | undefined) ?? found.version.defaultLocale } }
        }
      }
      return { ok: false, errors }
    },

    async write(tx: Queryable, r: ResponseRow) {
      // PostgreSQL: the customer's profile is locked before this plugin's rows, as on every write path.
      if (tx.dialect === 'pg') await deps.updateProfile(tx, r.customerId, {}, { id: 'lock' })
      if (await findResponse(tx, r.id)) return 'duplicate'
      const scores = scoresOf(r.version.scores, r.answers)
      await insertResponse(tx, {
        id: r.id, surveyId: r.version.surveyId, versionId: r.version.id, version: r.version.version, invitationId: null, customerId: r.customerId,
        channel: 'import', status: 'completed', locale: r.locale, answers: r.answers, hidden: {},
        // The profile as it was when the customer answered is not known: none is claimed.
        profileSnapshot: {}, scores, clientKey: null, proofChallenge: null, at: r.answeredAt,
      })
      await recordCompletion(tx, deps, { responseId: r.id, surveyId: r.version.surveyId, version: r.version.version, customerId: r.customerId, channel: 'import', scores, occurredAt: r.answeredAt })
      return 'imported'
    },
  }
}
