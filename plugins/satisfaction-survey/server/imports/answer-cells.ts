/**
 * @module
 * A response row's answers from its `answers.<question>` cells. CSV cells are text, so each is read
 * as its question expects (a rating `9` is the number 9, a boolean `true`, checkbox choices `a|b`,
 * a matrix as JSON); anything unreadable is passed on as text for the validator to refuse, naming
 * the question. JSON rows are taken as sent, exactly as a live submission is.
 */
import type { RowCells } from '@rapport/plugin-sdk'
import type { QuestionInfo } from '../validation/index.js'

/** The prefix of answer columns. @example `${ANSWER_PREFIX}nps` // 'answers.nps' */
export const ANSWER_PREFIX = 'answers.'

const NUMBER = /^-?\d+(\.\d+)?$/

function choiceValue(question: QuestionInfo, text: string): unknown {
  const offered = question.choices?.find((c) => String(c.value) === text)
  return offered ? offered.value : text
}

function fromText(question: QuestionInfo | undefined, text: string): unknown {
  if (!question) return text
  switch (question.type) {
    case 'rating': return NUMBER.test(text) ? Number(text) : text
    case 'boolean': return text === 'true' ? true : text === 'false' ? false : text
    case 'text': return question.inputType === 'number' && NUMBER.test(text) ? Number(text) : text
    case 'radiogroup': case 'dropdown': return choiceValue(question, text)
    case 'checkbox': case 'ranking': case 'tagbox':
      return text.startsWith('[') ? parsed(text) : text.split('|').map((t) => choiceValue(question, t.trim()))
    case 'matrix': return parsed(text)
    default: return text
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * @example answersOf(new Map([['answers.nps', '9'], ['answers.why', '很好']]), questions, 'csv') // { nps: 9, why: '很好' }
 */
export function answersOf(cells: RowCells, questions: readonly QuestionInfo[], source: 'csv' | 'json'): Record<string, unknown> {
  const byName = new Map(questions.map((q) => [q.name, q]))
  const answers: Record<string, unknown> = {}
  for (const [column, value] of cells) {
    if (!column.startsWith(ANSWER_PREFIX)) continue
    const name = column.slice(ANSWER_PREFIX.length)
    answers[name] = source === 'csv' && typeof value === 'string' ? fromText(byName.get(name), value) : value
  }
  return answers
}
