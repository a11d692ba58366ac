/**
 * @module
 * Survey definitions and responses, checked on the server: `checkSurveyDefinition` before a survey
 * is saved, `compileSurvey` once per published version, then `validate` per response.
 */
export { checkSurveyDefinition } from './check-survey-definition.js'
export { compileSurvey } from './compile-survey.js'
export { answerIssueLabels, definitionIssueLabels, type IssueLabel } from './issue-labels.js'
export type {
  AnswerIssue, ChoiceInfo, CompiledSurvey, DefinitionIssue, QuestionInfo, SurveyElementJson, SurveyJson, SurveyPageJson,
  ValidateOptions, ValidationResult,
} from './survey-json.js'
