/**
 * @module
 * The catalogue of what Rapport surveys may contain: supported element types, text input types,
 * validator kinds, and the SurveyJS properties that change which answers are valid but that the
 * compiled validator does not model (they are refused so it never disagrees with the browser).
 */

/** Question types that take an answer. */
export const answerTypes = new Set(['rating', 'radiogroup', 'checkbox', 'dropdown', 'text', 'comment', 'matrix', 'boolean', 'ranking'])
/** Display-only elements. `expression` computes a value in the browser; it is accepted as sent, never trusted. */
export const displayTypes = new Set(['html', 'expression'])
/** Containers. */
export const containerTypes = new Set(['panel'])
/** Question types whose answer is chosen from `choices`. */
export const choiceTypes = new Set(['radiogroup', 'checkbox', 'dropdown', 'ranking'])
/** Types that may show an "other (please specify)" and a "none" item. */
export const otherNoneTypes = new Set(['radiogroup', 'checkbox', 'dropdown'])

/** `inputType` values of a text question that the server can check. */
export const textInputTypes = new Set(['text', 'number', 'email', 'date', 'tel', 'url'])

/** Validator kinds, as written in the JSON (`{ type: 'numeric', minValue: 0 }`). */
export const validatorKinds = new Set(['numeric', 'text', 'regex', 'email', 'expression', 'answercount'])

/** SurveyJS's fixed values of the special items. */
export const otherValue = 'other'
export const noneValue = 'none'
/** Where SurveyJS stores the text typed for "other": `<name>-Comment`. */
export const commentSuffix = '-Comment'
/** survey-core's `settings.ratingMaximumRateValueCount`: longer scales are cut short by the browser. */
export const maxRateValues = 20

/** Element properties refused, with the reason given to the survey author. */
export const unsupportedElementProperties: Record<string, string> = {
  choicesVisibleIf: 'choices that appear conditionally are not supported',
  choicesEnableIf: 'choices enabled conditionally are not supported',
  choicesByUrl: 'choices loaded from a URL are not supported',
  choicesFromQuestion: 'choices copied from another question are not supported',
  choicesMin: 'generated choices are not supported; list them in choices',
  choicesMax: 'generated choices are not supported; list them in choices',
  choicesStep: 'generated choices are not supported; list them in choices',
  rowsVisibleIf: 'matrix rows that appear conditionally are not supported',
  columnsVisibleIf: 'matrix columns that appear conditionally are not supported',
  valueName: 'sharing a value between questions is not supported',
  defaultValue: 'default values are not supported; prefill answers through the link instead',
  defaultValueExpression: 'computed default values are not supported',
  setValueIf: 'values set by logic are not supported',
  setValueExpression: 'values set by logic are not supported',
  resetValueIf: 'values reset by logic are not supported',
  minValueExpression: 'computed limits are not supported; use min',
  maxValueExpression: 'computed limits are not supported; use max',
  step: 'step is not supported on text questions',
  maskType: 'input masks are not supported',
  maskSettings: 'input masks are not supported',
  eachRowUnique: 'eachRowUnique is not supported',
  showCommentArea: 'comment areas are not supported; add a comment question',
  hasComment: 'comment areas are not supported; add a comment question',
  storeOthersAsComment: 'the other text is always stored as <name>-Comment',
  valueTrue: 'boolean questions answer true or false',
  valueFalse: 'boolean questions answer true or false',
  hasOther: 'use showOtherItem',
  hasNone: 'use showNoneItem',
  isAllRowRequired: 'use eachRowRequired',
  isUnique: 'unique answers across responses are not supported',
  clearIfInvisible: 'per-question clearing of hidden answers is not supported',
  otherValue: 'the other item always has the value "other"',
  noneValue: 'the none item always has the value "none"',
}

/** Survey-level properties refused, with the reason. */
export const unsupportedSurveyProperties: Record<string, string> = {
  triggers: 'triggers are not supported',
  calculatedValues: 'calculated values are not supported',
  showInvisibleElements: 'showing hidden elements is not supported',
}
