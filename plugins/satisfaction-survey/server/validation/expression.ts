/**
 * @module
 * SurveyJS expressions (visibleIf, enableIf, requiredIf, expression validators): checked once with
 * survey-core's own parser, then run with survey-core's ConditionRunner, so the operators, functions
 * and loose comparisons are exactly the ones the customer's browser applied.
 */
import type { Operand } from 'survey-core'
import { surveyCore } from './survey-core.js'

/** What is wrong with an expression, if anything, and the question names it reads. */
export type ExpressionInspection =
  | { ok: true; variables: string[] }
  | { ok: false; code: 'EXPRESSION_SYNTAX' | 'EXPRESSION_UNKNOWN_FUNCTION' | 'EXPRESSION_ASYNC_FUNCTION'; message: string }

/** Parses an expression and lists the variables it reads; unknown and asynchronous functions are refused. */
export function inspectExpression(text: string): ExpressionInspection {
  const parser = new (surveyCore().ConditionsParser)()
  const operand = parser.parseExpression(text)
  if (!operand) {
    const at = parser.error?.at ?? 0
    return { ok: false, code: 'EXPRESSION_SYNTAX', message: `Expression "${text}" does not parse (at character ${at + 1})` }
  }
  const operands: Operand[] = []
  operand.addOperandsToList(operands)
  for (const op of [operand, ...operands]) {
    if (op.getType() !== 'function') continue
    const name = (op as unknown as { functionName: string }).functionName
    if (!surveyCore().FunctionFactory.Instance.hasFunction(name)) {
      return { ok: false, code: 'EXPRESSION_UNKNOWN_FUNCTION', message: `Expression "${text}" calls unknown function ${name}()` }
    }
  }
  if (operand.hasAsyncFunction()) {
    return { ok: false, code: 'EXPRESSION_ASYNC_FUNCTION', message: `Expression "${text}" calls an asynchronous function; the server cannot wait for it` }
  }
  const variables: string[] = []
  operand.setVariables(variables)
  return { ok: true, variables }
}

/** The question a variable such as `nps`, `matrix.row1` or `q1-Comment` reads. */
export function variableRoot(variable: string): string {
  const end = variable.search(/[.[]/)
  return end < 0 ? variable : variable.slice(0, end)
}

/** A condition compiled once: true when the expression holds for these values. */
export type CompiledCondition = (values: Record<string, unknown>) => boolean

/** Compiles a condition for repeated runs (the parse is cached by survey-core per expression text). */
export function compileCondition(text: string): CompiledCondition {
  const runner = new (surveyCore().ConditionRunner)(text)
  return function condition(values) {
    return runner.runValues(values) === true
  }
}
