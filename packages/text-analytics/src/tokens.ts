import type { TextLanguage } from './language.js'

const segmenters = {
  zh: new Intl.Segmenter('zh', { granularity: 'word' }),
  en: new Intl.Segmenter('en', { granularity: 'word' }),
}

/**
 * The text's words in order, lower-cased, with a `null` at each clause break (comma, full stop, 但/but).
 * Chinese is segmented by ICU's dictionary word breaker (Node's Intl.Segmenter), so 态度很差 reads
 * 态度 | 很 | 差; a negation never reaches across a clause break.
 */
export function words(text: string, language: TextLanguage): (string | null)[] {
  const out: (string | null)[] = []
  for (const part of segmenters[language].segment(text.toLowerCase())) {
    if (part.isWordLike) out.push(part.segment)
    else if (/[,.;!?，。；！？、…]/.test(part.segment)) out.push(null)
  }
  return out
}
