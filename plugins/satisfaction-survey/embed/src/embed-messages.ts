/**
 * @module
 * The widget's words in zh-CN and en, and the default question texts when the survey's own
 * title is missing.
 */

/** The widget's two languages. */
export type EmbedLocale = 'zh-CN' | 'en'

const en = {
  nps: 'How likely are you to recommend us to a friend or colleague?',
  csat: 'How satisfied are you with us?',
  low: { nps: 'Not at all likely', csat: 'Very dissatisfied' },
  high: { nps: 'Extremely likely', csat: 'Very satisfied' },
  score: '{value} out of {max}',
  checking: 'Checking your browser…',
  sending: 'Sending…',
  thanks: 'Thank you for your feedback!',
  already: 'You have already answered. Thank you!',
  close: 'Close',
  failed: 'Your answer could not be sent. Please try again.',
  rateLimited: 'Too many attempts. Please try again later.',
  closed: 'This survey no longer takes answers.',
}

const zhCN: typeof en = {
  nps: '您有多大可能向朋友或同事推荐我们？',
  csat: '您对我们的服务满意吗？',
  low: { nps: '完全不可能', csat: '非常不满意' },
  high: { nps: '非常可能', csat: '非常满意' },
  score: '{value} 分（满分 {max}）',
  checking: '正在检查您的浏览器…',
  sending: '正在提交…',
  thanks: '感谢您的反馈！',
  already: '您已经回答过了，谢谢！',
  close: '关闭',
  failed: '提交失败，请重试。',
  rateLimited: '请求过于频繁，请稍后再试。',
  closed: '此问卷已不再接受回答。',
}

/** The widget's texts for a locale. @example embedMessages('zh-CN').thanks */
export const embedMessages = (locale: EmbedLocale) => (locale === 'zh-CN' ? zhCN : en)

/** zh-CN for any Chinese tag, else en. @example embedLocaleOf('zh-Hans') // 'zh-CN' */
export const embedLocaleOf = (tag: string | null | undefined): EmbedLocale => (tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en')
