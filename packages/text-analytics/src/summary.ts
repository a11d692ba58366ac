import { readSentiment, type Sentiment } from './sentiment.js'
import { type Theme, textThemes, themes } from './themes.js'

export interface TextReading {
  sentiment: Sentiment
  score: number
  language: 'zh' | 'en'
  themes: Theme[]
}

/** One text's sentiment and themes. @example analyseText('物流太慢了') // negative, delivery + waiting */
export function analyseText(text: string): TextReading {
  const reading = readSentiment(text)
  return { sentiment: reading.sentiment, score: reading.score, language: reading.language, themes: textThemes(text, reading.language) }
}

export interface ThemeSummary {
  theme: Theme
  label: { 'zh-CN': string; en: string }
  count: number
  positive: number
  neutral: number
  negative: number
  /** Up to three different texts of the theme, most negative first: what an owner reads to act. */
  examples: { text: string; sentiment: Sentiment }[]
}

export interface FeedbackSummary {
  total: number
  positive: number
  neutral: number
  negative: number
  /** Themes by how many texts touch them, most first; themes no text touches are left out. */
  themes: ThemeSummary[]
}

/** Sentiment counts and themes over many texts (a survey's comments, a period's complaints). */
export function summariseFeedback(texts: readonly string[]): FeedbackSummary {
  const readings = texts.filter((text) => text.trim() !== '').map((text) => ({ text, ...analyseText(text) }))
  const byTheme = new Map<Theme, typeof readings>()
  for (const reading of readings) {
    for (const theme of reading.themes) byTheme.set(theme, [...(byTheme.get(theme) ?? []), reading])
  }
  const summaries = [...byTheme].map(([theme, members]) => ({
    theme,
    label: themes[theme].label,
    count: members.length,
    ...countSentiments(members),
    examples: distinctTexts([...members].sort((a, b) => a.score - b.score)).slice(0, 3).map(({ text, sentiment }) => ({ text, sentiment })),
  }))
  summaries.sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme))
  return { total: readings.length, ...countSentiments(readings), themes: summaries }
}

/** The same complaint filed twice is one example. */
function distinctTexts<T extends { text: string }>(readings: T[]): T[] {
  const seen = new Set<string>()
  return readings.filter(({ text }) => !seen.has(text.trim()) && seen.add(text.trim()) !== undefined)
}

function countSentiments(readings: readonly { sentiment: Sentiment }[]) {
  const counts = { positive: 0, neutral: 0, negative: 0 }
  for (const { sentiment } of readings) counts[sentiment] += 1
  return counts
}
