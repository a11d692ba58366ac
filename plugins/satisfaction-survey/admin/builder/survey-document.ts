/**
 * @module
 * Reads and changes the questions of a SurveyJS document. The builder edits the first page; other
 * pages (a template or pasted JSON may have them) are kept as they are and edited in the JSON view.
 */
import type { SurveyJson } from '../api/surveys'
import type { QuestionJson } from './question-types'

type Page = Record<string, unknown> & { elements?: unknown[] }

const pagesOf = (json: SurveyJson): Page[] => (Array.isArray(json.pages) ? (json.pages as Page[]) : [])

/** The questions of the first page (elements with a type and a name). */
export function questionsOf(json: SurveyJson): QuestionJson[] {
  const first = pagesOf(json)[0]
  const elements = Array.isArray(first?.elements) ? first.elements : Array.isArray(json.elements) ? json.elements : []
  return elements.filter((e): e is QuestionJson => !!e && typeof e === 'object' && typeof (e as QuestionJson).type === 'string')
}

/** How many pages besides the first one the builder does not show. */
export const otherPageCount = (json: SurveyJson): number => Math.max(0, pagesOf(json).length - 1)

/** `json` with the first page's questions replaced by `questions`. */
export function withQuestions(json: SurveyJson, questions: QuestionJson[]): SurveyJson {
  const pages = pagesOf(json)
  const { elements: _topLevel, ...rest } = json
  const first: Page = { ...(pages[0] ?? { name: 'page1' }), elements: questions }
  return { ...rest, pages: [first, ...pages.slice(1)] }
}

/** `list` with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list]
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item as T)
  return next
}

/** An empty survey with one page. */
export const blankSurveyJson = (): SurveyJson => ({ pages: [{ name: 'page1', elements: [] }] })
