/**
 * @module
 * Compiles a checked survey version into a validator for its responses: structural checks per
 * answer key, then visibility and read-only state from the page/panel/question logic, then the
 * limits of each visible question and the rules of each visible, editable one. Logic runs on the submitted values only after they
 * passed the structural checks, so `""` or `true` never reach `{nps} <= 6`.
 */
import { checkAnswerShape, checkOtherText } from './answer-shape.js'
import { checkSurveyDefinition } from './check-survey-definition.js'
import { type CompiledQuestion, compileQuestion } from './compile-question.js'
import { type CompiledCondition, compileCondition } from './expression.js'
import { answerTypes } from './question-kinds.js'
import type { AnswerIssue, CompiledSurvey, SurveyJson, ValidateOptions, ValidationResult } from './survey-json.js'
import { walkElements } from './walk-elements.js'

/** The visibility and read-only logic of one page, panel or question, shared by what it contains. */
type LogicNode = { parent?: LogicNode; hidden: boolean; visibleIf?: CompiledCondition; readOnly: boolean; enableIf?: CompiledCondition }
type Entry = { question: CompiledQuestion; node: LogicNode }
type Memo = Map<LogicNode, boolean>

function logicNode(json: Record<string, unknown>, parent: LogicNode | undefined): LogicNode {
  return {
    ...(parent ? { parent } : {}),
    hidden: json.visible === false,
    ...(typeof json.visibleIf === 'string' ? { visibleIf: compileCondition(json.visibleIf) } : {}),
    readOnly: json.readOnly === true,
    ...(typeof json.enableIf === 'string' ? { enableIf: compileCondition(json.enableIf) } : {}),
  }
}

// survey-core decides visibility from the data as submitted: a question is hidden when it, its panel
// or its page is hidden, and doComplete drops its answer without re-running the logic in between.
function isVisible(node: LogicNode, values: Record<string, unknown>, memo: Memo): boolean {
  const known = memo.get(node)
  if (known !== undefined) return known
  const visible = !node.hidden && (!node.visibleIf || node.visibleIf(values)) && (!node.parent || isVisible(node.parent, values, memo))
  memo.set(node, visible)
  return visible
}

// A read-only question (readOnly, or enableIf false, on it or a container) is not validated by survey-core.
function isReadOnly(node: LogicNode | undefined, values: Record<string, unknown>): boolean {
  for (let n = node; n; n = n.parent) if (n.readOnly || (n.enableIf && !n.enableIf(values))) return true
  return false
}

function compileEntries(survey: SurveyJson): Entry[] {
  const maxTextLength = typeof survey.maxTextLength === 'number' ? survey.maxTextLength : 0
  const nodes = new Map<Record<string, unknown>, LogicNode>()
  const nodeOf = (containers: Record<string, unknown>[]) => {
    let parent: LogicNode | undefined
    for (const c of containers) {
      let node = nodes.get(c)
      if (!node) nodes.set(c, (node = logicNode(c, parent)))
      parent = node
    }
    return parent
  }
  const entries: Entry[] = []
  for (const { element, containers } of walkElements(survey)) {
    if (!answerTypes.has(element.type as string) && element.type !== 'expression') continue
    entries.push({ question: compileQuestion(element, maxTextLength), node: logicNode(element, nodeOf(containers)) })
  }
  return entries
}

function structuralIssues(answers: Record<string, unknown>, byName: Map<string, CompiledQuestion>, byComment: Map<string, CompiledQuestion>): AnswerIssue[] {
  const issues: AnswerIssue[] = []
  for (const key of Object.keys(answers)) {
    const value = answers[key]
    const question = byName.get(key)
    if (question) {
      if (value === null || value === undefined) continue
      const problem = checkAnswerShape(question.spec, value)
      if (problem) issues.push({ question: key, ...problem })
      continue
    }
    const owner = byComment.get(key)
    if (owner) {
      const problem = checkOtherText(owner.spec, value, answers[owner.info.name])
      if (problem) issues.push({ question: owner.info.name, ...problem })
      continue
    }
    issues.push({ question: key, code: 'UNKNOWN_QUESTION', message: `"${key}" is not a question of this survey` })
  }
  return issues
}

/**
 * Compiles a survey version once; its `validate` is pure and needs no survey-core Model.
 * @param survey a document that passes `checkSurveyDefinition` (anything else throws a TypeError)
 * @example
 * const compiled = compileSurvey(version.json)
 * const { structural, rules, accepted } = compiled.validate(body.answers)
 * if (structural.length) throw surveyErrors.ANSWERS_INVALID({ issues: structural })    // 400
 * if (rules.length) throw surveyErrors.ANSWERS_INCOMPLETE({ issues: rules })           // 422
 */
export function compileSurvey(survey: SurveyJson): CompiledSurvey {
  const checked = checkSurveyDefinition(survey)
  if (!checked.ok) throw new TypeError(`compileSurvey needs a valid survey: ${checked.issues.map((i) => i.message).join('; ')}`)
  const entries = compileEntries(survey)
  const byName = new Map(entries.map((e) => [e.question.info.name, e.question]))
  const byComment = new Map(entries.flatMap((e) => (e.question.commentKey ? [[e.question.commentKey, e.question] as const] : [])))
  const dropHidden = survey.clearInvisibleValues !== 'none'
  return {
    questions: entries.map((e) => e.question.info),
    validate(answers: Record<string, unknown>, { partial = false }: ValidateOptions = {}): ValidationResult {
      if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
        return { structural: [{ question: '', code: 'NOT_AN_OBJECT', message: 'Answers are an object of question name → answer' }], rules: [], accepted: {} }
      }
      const structural = structuralIssues(answers, byName, byComment)
      if (structural.length > 0) return { structural, rules: [], accepted: {} }
      const rules: AnswerIssue[] = []
      const accepted: Record<string, unknown> = { ...answers }
      const memo: Memo = new Map()
      for (const { question, node } of entries) {
        const { name } = question.info
        if (!isVisible(node, answers, memo)) {
          if (dropHidden) {
            delete accepted[name]
            if (question.commentKey) delete accepted[question.commentKey]
          }
          continue
        }
        if (question.info.displayOnly) continue
        const before = rules.length
        question.checkLimits(answers, rules)
        if (isReadOnly(node, answers)) continue
        question.checkRules(answers[name], answers, partial, rules, before)
      }
      return { structural, rules, accepted }
    },
  }
}
