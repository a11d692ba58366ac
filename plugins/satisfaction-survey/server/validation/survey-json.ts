/**
 * @module
 * The shapes the validator works on: a SurveyJS JSON document as stored, and what
 * `checkSurveyDefinition` and `compileSurvey` report.
 */

/** A SurveyJS element (question or panel) as it appears in the JSON. Unknown keys are display settings. */
export type SurveyElementJson = { type: string; name?: string; elements?: SurveyElementJson[]; [key: string]: unknown }
/** A SurveyJS page. */
export type SurveyPageJson = { name?: string; elements?: SurveyElementJson[]; visibleIf?: string; [key: string]: unknown }
/** A SurveyJS document that passed `checkSurveyDefinition`. */
export type SurveyJson = { pages?: SurveyPageJson[]; elements?: SurveyElementJson[]; [key: string]: unknown }

/** One problem in a survey definition, e.g. `{ path: 'pages[0].elements[2].type', code: 'UNKNOWN_QUESTION_TYPE', ... }`. */
export type DefinitionIssue = { path: string; code: string; message: string }

/** One problem in a response, named by the question it concerns. */
export type AnswerIssue = { question: string; code: string; message: string }

/** A choice, row or column as offered: its stored value and its (possibly localized) text. */
export type ChoiceInfo = { value: string | number; text: unknown }

/** What a question is, for callers that summarise or render answers (analytics, exports). */
export type QuestionInfo = {
  name: string
  type: string
  title: unknown
  /** rating: the lowest and highest values offered */
  rateMin?: number
  rateMax?: number
  /** rating: every value offered, in order */
  rateValues?: number[]
  /** text: the input type (`text` when not set) */
  inputType?: string
  /** radiogroup, checkbox, dropdown, ranking: choices offered, including `other` and `none` items when shown */
  choices?: ChoiceInfo[]
  /** matrix: rows and columns */
  rows?: ChoiceInfo[]
  columns?: ChoiceInfo[]
  /** a choice question showing an "other" item: the answer key of its text, `<name>-Comment` */
  otherTextKey?: string
  /** true for display-only questions (expression): answers are accepted as sent but never trusted */
  displayOnly?: boolean
}

/** Options of `CompiledSurvey.validate`. */
export type ValidateOptions = { partial?: boolean }

/** The verdict on one response. */
export type ValidationResult = { structural: AnswerIssue[]; rules: AnswerIssue[]; accepted: Record<string, unknown> }

/** A survey version compiled for validating responses. */
export type CompiledSurvey = {
  questions: QuestionInfo[]
  /**
   * structural: 400-class problems, malformed answers (unknown question names, `__proto__` included,
   * wrong value types, choices not offered, out-of-range or non-integer ratings, malformed
   * matrix/ranking values). rules: 422-class problems, well-formed answers that break a rule
   * (required questions left empty, validators failing, min or max selected choices, text over
   * maxLength), evaluated only when structural is empty. A ranking of some of its choices is well-formed. accepted: exactly what
   * the customer sent, minus answers to questions hidden by visibleIf logic (as survey-core's
   * doComplete drops them); empty while structural is not. With partial: true, required checks are
   * skipped (a partial response saved for resume), everything else applies.
   */
  validate(answers: Record<string, unknown>, options?: ValidateOptions): ValidationResult
}
