/**
 * @module
 * Whether a survey can be embedded with the one-question widget (`/s/embed.js`): the widget sends
 * only the score, so every other question that must be answered with it makes every click fail.
 * The verdict is the survey's own validator's: the score alone is validated for every value of the
 * scale, and any question it then requires (required, requiredIf, shown by logic) blocks the embed.
 */
import { surveyErrors } from '../errors.js'
import type { StoredSurvey, Version } from '../surveys/survey-store.js'
import { compileSurvey, type QuestionInfo } from '../validation/index.js'

/** The scales the widget asks, as `data-question` names them. */
export const embedScales = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 } } as const
/** A widget scale. */
export type EmbedScale = keyof typeof embedScales

/** The question the widget asks: the first rating on its scale, in survey order, as the widget finds it. */
function scoreQuestionOf(questions: readonly QuestionInfo[], scale: EmbedScale): QuestionInfo | undefined {
  const { min, max } = embedScales[scale]
  return questions.find((q) => q.type === 'rating' && q.rateMin === min && q.rateMax === max)
}

/**
 * The score question the widget will ask, or a refusal naming why it cannot:
 * SURVEY_EMBED_UNSUITABLE (409) with `reason` `public-link-off`, `no-score-question` or
 * `other-questions-required` (and the `questions` the widget cannot ask), SURVEY_ARCHIVED, SURVEY_NOT_PUBLISHED.
 * @example const { questionName } = embedCheck(survey, latestVersion, 'nps')
 */
export function embedCheck(survey: StoredSurvey, version: Version | undefined, scale: EmbedScale): { questionName: string } {
  if (survey.archivedAt) throw surveyErrors.ARCHIVED({ surveyId: survey.id })
  if (!version) throw surveyErrors.NOT_PUBLISHED({ surveyId: survey.id })
  if (!survey.publicLink.enabled) throw surveyErrors.EMBED_UNSUITABLE({ surveyId: survey.id, reason: 'public-link-off', questions: [] })
  const compiled = compileSurvey(version.json)
  const score = scoreQuestionOf(compiled.questions, scale)
  if (!score) throw surveyErrors.EMBED_UNSUITABLE({ surveyId: survey.id, reason: 'no-score-question', questions: [] })
  const required = new Set<string>()
  for (const value of score.rateValues ?? []) {
    for (const issue of compiled.validate({ [score.name]: value }).rules) if (issue.question !== score.name) required.add(issue.question)
  }
  if (required.size > 0) throw surveyErrors.EMBED_UNSUITABLE({ surveyId: survey.id, reason: 'other-questions-required', questions: [...required] })
  return { questionName: score.name }
}
