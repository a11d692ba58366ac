import { type TextLanguage, textLanguage } from './language.js'
import { isContrast, isExcess, isIntensifier, isNegator, longestEntry, wordScore } from './lexicon.js'
import { words } from './tokens.js'

export type Sentiment = 'positive' | 'neutral' | 'negative'

export interface SentimentReading {
  sentiment: Sentiment
  /** The summed word scores after negation, intensity and contrast; 0 when nothing scored. */
  score: number
  language: TextLanguage
  /** The words (or phrases) that scored, with their final score, for the reader's "why". */
  scored: { word: string; score: number }[]
}

/** How far a negator reaches: 不 | 太 | 满意, not never | ... four words on. */
const NEGATION_REACH = 3
/**
 * Beyond this a text is positive, at or below its negative a text is negative: a lone "thanks" (+1)
 * closes many neutral notes, while a lone mild complaint (-1) is still a complaint.
 */
const THRESHOLD = 1

/**
 * Reads a feedback text as positive, neutral or negative from its words' scores.
 *
 * Lexicon scoring rather than a trained model: it ships as data in two npm packages plus our domain
 * words, needs no model files or native code, and says which words decided (`scored`), which an agent
 * can check. Rules on top of the sum: a negator flips the next scored word within three words
 * (不满意, not helpful), an intensifier multiplies it by 1.5 (很差), "too/太" before an unscored word is
 * a complaint (太咸), the clause after "but/但是" counts double, and a question with little feeling in
 * it (怎么开发票？) is neutral.
 */
export function readSentiment(text: string): SentimentReading {
  const language = textLanguage(text)
  const tokens = words(text, language)
  const scored: { word: string; score: number }[] = []
  let total = 0
  let weight = 1
  let negateFor = 0
  let intensity = 1
  let excess = false
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index] as string | null
    if (token === null) {
      if (negateFor > 0) total += unmetNegation(scored, weight)
      negateFor = 0
      intensity = 1
      excess = false
      index += 1
      continue
    }
    const phrase = longestPhrase(language, tokens, index)
    if (phrase && phrase.score === 0) {
      // A neutral phrase (好几次, would like) only hides its words from the rules.
      index += phrase.length
      continue
    }
    if (phrase) {
      // "far too strong" is a complaint in English; 太好了 is praise in Chinese.
      const tooMuch = excess && language === 'en' && phrase.score > 0
      const value = tooMuch ? -1 * weight : phrase.score * intensity * (negateFor > 0 ? -1 : 1) * weight
      scored.push({ word: phrase.word, score: value })
      total += value
      negateFor = 0
      intensity = 1
      excess = false
      index += phrase.length
      continue
    }
    if (isContrast(language, token)) weight = 2
    else if (isNegator(language, token)) negateFor = NEGATION_REACH + 1
    if (isIntensifier(language, token)) intensity = 1.5
    if (isExcess(language, token)) excess = true
    else if (excess && !isIntensifier(language, token) && !isNegator(language, token)) {
      // 太咸 / too salty: an unscored word after "too" reads as a complaint.
      scored.push({ word: token, score: -1 * weight })
      total -= weight
      excess = false
    }
    if (negateFor === 1) total += unmetNegation(scored, weight)
    negateFor = Math.max(0, negateFor - 1)
    index += 1
  }
  if (negateFor > 0) total += unmetNegation(scored, weight)
  const question = /[?？吗呢]\s*$/.test(text.trim())
  const sentiment: Sentiment =
    question && Math.abs(total) < 3 ? 'neutral' : total > THRESHOLD ? 'positive' : total <= -THRESHOLD ? 'negative' : 'neutral'
  return { sentiment, score: round(total), language, scored }
}

/**
 * The longest lexicon entry starting at `index`: Chinese joins adjacent words (没 | 人 | 接 → 没人接),
 * English joins words with spaces (hung up); a Chinese word the segmenter kept whole but the lexicon
 * only knows in parts (太慢 → 太 + 慢) is left to the word-by-word rules.
 */
function longestPhrase(language: TextLanguage, tokens: (string | null)[], index: number) {
  let best: { word: string; score: number; length: number } | undefined
  let joined = ''
  for (let end = index; end < tokens.length && tokens[end] !== null; end += 1) {
    joined = language === 'zh' ? joined + tokens[end] : joined ? `${joined} ${tokens[end]}` : (tokens[end] as string)
    const size = language === 'zh' ? joined.length : end - index + 1
    if (size > longestEntry[language]) break
    const score = wordScore(language, joined)
    if (score !== undefined && !(isNegator(language, joined) && end === index)) best = { word: joined, score, length: end - index + 1 }
  }
  if (best || language === 'en') return best
  return splitWord(tokens[index] as string)
}

/** 太慢 or 很满意 segmented as one word: an intensifier or negator prefix and a scored rest. */
function splitWord(word: string) {
  for (let cut = 1; cut < word.length; cut += 1) {
    const head = word.slice(0, cut)
    const rest = wordScore('zh', word.slice(cut))
    if (rest === undefined) continue
    if (isNegator('zh', head)) return { word, score: -rest, length: 1 }
    if (isIntensifier('zh', head)) return { word, score: rest * 1.5, length: 1 }
  }
  return undefined
}

/**
 * A negation that met no scored word: in feedback "never arrived", 没更新, "cannot log in" report
 * something that failed to happen, a mild complaint.
 */
function unmetNegation(scored: { word: string; score: number }[], weight: number) {
  scored.push({ word: '(negated)', score: -1 * weight })
  return -1 * weight
}

function round(value: number) {
  return Math.round(value * 100) / 100
}
