/**
 * @module
 * The question types the builder offers, the rating presets, and a fresh question of each type.
 */

/** Question types with an answer that the server accepts. */
export const questionTypes = ['rating', 'radiogroup', 'checkbox', 'dropdown', 'text', 'comment', 'matrix', 'boolean', 'ranking'] as const
/** One question type. */
export type QuestionType = (typeof questionTypes)[number]

/** Types whose answer comes from `choices`. */
export const choiceQuestionTypes: ReadonlySet<string> = new Set(['radiogroup', 'checkbox', 'dropdown', 'ranking'])

/** A SurveyJS question element, kept as JSON so properties the builder does not know survive. */
export type QuestionJson = Record<string, unknown> & { type: string; name: string }

/** Rating scales with a score meaning: NPS 0–10, CSAT 1–5, CES 1–7. */
export const ratingPresets = { nps: { rateMin: 0, rateMax: 10 }, csat: { rateMin: 1, rateMax: 5 }, ces: { rateMin: 1, rateMax: 7 } } as const
/** A score kind. */
export type ScoreKind = keyof typeof ratingPresets
/** Every score kind, in the order the builder shows them. */
export const scoreKinds: readonly ScoreKind[] = ['nps', 'csat', 'ces']

/** The preset a rating question matches, if any. */
export const presetOf = (q: QuestionJson): ScoreKind | undefined =>
  scoreKinds.find((kind) => Number(q.rateMin ?? 1) === ratingPresets[kind].rateMin && Number(q.rateMax ?? 5) === ratingPresets[kind].rateMax)

/** A name not yet used: `question1`, `question2`, … (or `<base>`, `<base>2`, … for a preset). */
export function freeName(taken: readonly string[], base = 'question'): string {
  const used = new Set(taken)
  if (base !== 'question' && !used.has(base)) return base
  for (let i = base === 'question' ? 1 : 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`
}

const choice = (value: string, en: string, zh: string) => ({ value, text: { default: en, 'zh-cn': zh } })

/** A new question of `type` with sensible defaults, named to be unique among `taken`. */
export function newQuestion(type: QuestionType, taken: readonly string[]): QuestionJson {
  const name = freeName(taken)
  switch (type) {
    case 'rating':
      return { type, name, rateMin: 1, rateMax: 5 }
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown':
    case 'ranking':
      return { type, name, choices: [choice('item1', 'Option 1', '选项 1'), choice('item2', 'Option 2', '选项 2')] }
    case 'matrix':
      return { type, name, rows: [choice('row1', 'Row 1', '行 1')], columns: [choice('1', 'Poor', '差'), choice('2', 'Good', '好')] }
    default:
      return { type, name }
  }
}
