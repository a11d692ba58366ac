/**
 * @module
 * The questions analytics and exports are laid out by: those of one published version (the one
 * asked for, or the latest), and the union over every version for export columns.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { surveyErrors } from '../errors.js'
import type { CompiledVersions } from '../surveys/compiled-versions.js'
import { findSurvey, listVersions, type StoredSurvey, type Version } from '../surveys/survey-store.js'
import type { QuestionInfo } from '../validation/index.js'

/**
 * A survey with the version analytics lay out by, and every version's questions; `otherTextKeys`:
 * the other-text keys (`<name>-Comment`) of the questions that showed an "other" item in any version.
 */
export type SurveyLayout = { survey: StoredSurvey; version: Version; questions: QuestionInfo[]; allQuestions: QuestionInfo[]; otherTextKeys: Set<string> }

/**
 * @throws SURVEY_NOT_FOUND, SURVEY_VERSION_NOT_FOUND (also for a survey never published)
 * @example const { version, questions } = await surveyLayout(ctx.db, compiled, surveyId)
 */
export async function surveyLayout(q: Queryable, compiled: CompiledVersions, surveyId: string, versionNumber?: number): Promise<SurveyLayout> {
  const survey = await findSurvey(q, surveyId)
  if (!survey) throw surveyErrors.NOT_FOUND({ surveyId })
  const versions = await listVersions(q, surveyId)
  const wanted = versionNumber ?? survey.latestVersion ?? 1
  const version = versions.find((v) => v.version === wanted)
  if (!version) throw surveyErrors.VERSION_NOT_FOUND({ surveyId, version: wanted })
  const questions = compiled.of(version).questions
  // Newest version first, so a renamed or re-typed question is described as it is asked now.
  const byName = new Map(questions.map((qi) => [qi.name, qi]))
  const otherTextKeys = new Set<string>()
  for (const v of [...versions].reverse()) {
    for (const qi of compiled.of(v).questions) {
      if (!byName.has(qi.name)) byName.set(qi.name, qi)
      if (qi.otherTextKey) otherTextKeys.add(qi.otherTextKey)
    }
  }
  return { survey, version, questions, allQuestions: [...byName.values()], otherTextKeys }
}
