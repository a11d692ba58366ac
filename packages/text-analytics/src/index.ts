export { readSentiment, type Sentiment, type SentimentReading } from './sentiment.js'
export { textLanguage, type TextLanguage } from './language.js'
export { type Theme, textThemes, themes } from './themes.js'
export { analyseText, type FeedbackSummary, summariseFeedback, type TextReading, type ThemeSummary } from './summary.js'
