/**
 * @module
 * Finds the survey's score question in its SurveyJS JSON: the first rating question on the
 * scale the widget asks (NPS 0–10, CSAT 1–5), as the server requires of score questions.
 */

/** The scales the widget can ask. */
export const SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 } } as const
/** A scale's name. */
export type ScaleKind = keyof typeof SCALES

type Element = { type?: string; name?: string; title?: unknown; rateMin?: number; rateMax?: number; elements?: Element[] }

/** A localizable SurveyJS string in the widget's locale. @example localized({ default: 'Hi', 'zh-cn': '你好' }, 'zh-CN') // '你好' */
export function localized(text: unknown, locale: 'zh-CN' | 'en'): string | undefined {
  if (typeof text === 'string') return text
  if (!text || typeof text !== 'object') return undefined
  const values = text as Record<string, unknown>
  const value = (locale === 'zh-CN' ? values['zh-cn'] ?? values['zh-CN'] : values.en) ?? values.default
  return typeof value === 'string' ? value : undefined
}

/** @example scoreQuestion(form.json, 'nps') // { name: 'nps', title: … } */
export function scoreQuestion(json: Record<string, unknown>, kind: ScaleKind): { name: string; title: unknown } | undefined {
  const { min, max } = SCALES[kind]
  const pages = Array.isArray(json.pages) ? (json.pages as Element[]) : [{ elements: json.elements as Element[] }]
  const visit = (elements: Element[] | undefined): { name: string; title: unknown } | undefined => {
    for (const el of elements ?? []) {
      if (el.type === 'rating' && el.name && (el.rateMin ?? 1) === min && (el.rateMax ?? 5) === max) return { name: el.name, title: el.title }
      const inner = visit(el.elements)
      if (inner) return inner
    }
    return undefined
  }
  for (const page of pages) {
    const found = visit(page.elements)
    if (found) return found
  }
  return undefined
}
