/**
 * @module
 * "Show when <question> <op> <value>" as a SurveyJS expression, and back. Expressions the form
 * cannot express stay as text (shown and edited as such).
 */

/** Operators the form offers. */
export const conditionOperators = ['=', '<>', '<', '<=', '>', '>=', 'contains', 'notempty', 'empty'] as const
/** One operator. */
export type ConditionOperator = (typeof conditionOperators)[number]
/** The form's fields. */
export type Condition = { question: string; operator: ConditionOperator; value: string }

const unary = new Set<ConditionOperator>(['notempty', 'empty'])

/** True when the operator takes no value. */
export const isUnary = (operator: ConditionOperator): boolean => unary.has(operator)

/** A value as an expression literal: numbers and booleans bare, text quoted. */
function literal(value: string, numeric: boolean): string {
  const trimmed = value.trim()
  if (trimmed === 'true' || trimmed === 'false') return trimmed
  if (numeric && trimmed !== '' && Number.isFinite(Number(trimmed))) return String(Number(trimmed))
  return `'${trimmed.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/**
 * The SurveyJS expression of a condition; `numeric` says the question answers with numbers.
 * @example toExpression({ question: 'nps', operator: '<=', value: '6' }, true) // "{nps} <= 6"
 */
export function toExpression({ question, operator, value }: Condition, numeric: boolean): string {
  if (isUnary(operator)) return `{${question}} ${operator}`
  return `{${question}} ${operator} ${literal(value, numeric)}`
}

const pattern = /^\{([^{}]+)\}\s*(<=|>=|<>|=|<|>|contains|notempty|empty)\s*(.*)$/

/** The condition an expression reads as, or `undefined` when the form cannot show it. */
export function parseExpression(expression: string): Condition | undefined {
  const match = pattern.exec(expression.trim())
  if (!match) return undefined
  const [, question, op, rest] = match as unknown as [string, string, ConditionOperator, string]
  if (isUnary(op)) return rest.trim() === '' ? { question, operator: op, value: '' } : undefined
  const raw = rest.trim()
  const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(raw) ?? /^"((?:[^"\\]|\\.)*)"$/.exec(raw)
  if (quoted) return { question, operator: op, value: quoted[1]!.replace(/\\(.)/g, '$1') }
  if (/^-?\d+(\.\d+)?$/.test(raw) || raw === 'true' || raw === 'false') return { question, operator: op, value: raw }
  return undefined
}
