/**
 * @module
 * Every word the customer page and the widget show, in zh-CN and en, and the message for each
 * error code the API answers (pages translate by code, never by the server's English message).
 */

/** The page's two languages. */
export type PageLocale = 'zh-CN' | 'en'

const en = {
  loading: 'Loading the survey…',
  checking: 'Checking your browser…',
  saving: 'Saving…',
  saved: 'Your answers are saved',
  saveFailed: 'Your last answers could not be saved yet; we will try again.',
  sending: 'Sending…',
  thanksTitle: 'Thank you!',
  thanksBody: 'Your answers have been received. We read every one of them.',
  alreadyTitle: 'Already answered',
  alreadyBody: 'You have already completed this survey. Thank you for your feedback!',
  retry: 'Try again',
  checkAnswers: 'Please check your answers to:',
  answerRefused: 'This answer was not accepted. Please change it.',
  answerRequired: 'Please answer this question as asked.',
  errorTitle: 'This survey cannot be opened',
  expired: 'This survey link has expired. Please ask for a new one.',
  used: 'This survey link has already been used.',
  closed: 'This survey is closed and no longer takes answers.',
  full: 'Thank you for your time. This survey already has all the answers it needs from customers like you, so it is closed for you.',
  invalidLink: 'This survey link is not valid. Please check that you opened the whole link.',
  wrongPage: 'This link is not for this page: it opens another of our pages, not a survey. Please open the survey link we sent you.',
  unavailable: 'This survey is not available right now.',
  rateLimited: 'Too many attempts from your network. Please try again in {seconds} seconds.',
  proofFailed: 'We could not check your browser. Please try again.',
  network: 'We could not reach the server. Please check your connection and try again.',
  unexpected: 'Something went wrong on our side. Please try again in a moment.',
}

type Messages = typeof en

const zhCN: Messages = {
  loading: '正在加载问卷…',
  checking: '正在检查您的浏览器…',
  saving: '正在保存…',
  saved: '您的回答已保存',
  saveFailed: '最近的回答暂未保存，稍后会自动重试。',
  sending: '正在提交…',
  thanksTitle: '感谢您的反馈！',
  thanksBody: '我们已收到您的回答，每一条意见我们都会认真阅读。',
  alreadyTitle: '您已完成此问卷',
  alreadyBody: '您已经提交过这份问卷，感谢您的反馈！',
  retry: '重试',
  checkAnswers: '请检查以下问题的回答：',
  answerRefused: '此回答未被接受，请修改。',
  answerRequired: '请按要求回答此问题。',
  errorTitle: '无法打开此问卷',
  expired: '此问卷链接已过期，请联系我们获取新的链接。',
  used: '此问卷链接已被使用。',
  closed: '此问卷已关闭，不再接受回答。',
  full: '感谢您的时间。此问卷已收集到足够的回答，现已对您关闭。',
  invalidLink: '此问卷链接无效，请确认打开的是完整链接。',
  wrongPage: '此链接不是用来打开此页面的：它打开的是我们的其他页面，而不是问卷。请打开我们发给您的问卷链接。',
  unavailable: '此问卷暂时无法使用。',
  rateLimited: '您所在网络的请求过于频繁，请在 {seconds} 秒后重试。',
  proofFailed: '无法完成浏览器检查，请重试。',
  network: '无法连接服务器，请检查网络后重试。',
  unexpected: '服务出现问题，请稍后重试。',
}

/** A message key. */
export type MessageKey = keyof Messages

const catalogs: Record<PageLocale, Messages> = { en, 'zh-CN': zhCN }

/** The text of `key` in `locale`, with `{name}` slots filled. @example t('zh-CN', 'rateLimited', { seconds: 30 }) */
export function t(locale: PageLocale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''))
}

/** zh-CN for any Chinese tag, else en. @example pageLocaleOf('zh-Hans-CN') // 'zh-CN' */
export function pageLocaleOf(tag: string | null | undefined): PageLocale {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en'
}

/** The message for an API error code (what the customer can do about it). */
export function errorMessageKey(code: string): MessageKey {
  switch (code) {
    case 'SURVEY_INVITATION_EXPIRED': case 'LINK_EXPIRED': return 'expired'
    case 'LINK_USED': return 'used'
    case 'LINK_WRONG_PURPOSE': return 'wrongPage'
    case 'SURVEY_CLOSED': return 'closed'
    case 'SURVEY_CAP_REACHED': case 'SURVEY_QUOTA_FULL': return 'full'
    case 'LINK_INVALID': case 'SURVEY_LINK_UNKNOWN': case 'SURVEY_LINK_OTHER_SURVEY': case 'SURVEY_PREFILL_INVALID': case 'REQUEST_INVALID': case 'NOT_FOUND':
      return 'invalidLink'
    case 'SURVEY_PUBLIC_LINK_DISABLED': case 'PLUGIN_NOT_ACTIVE': case 'PLUGIN_NOT_FOUND': return 'unavailable'
    case 'SURVEY_RATE_LIMITED': return 'rateLimited'
    case 'SURVEY_PROOF_INVALID': case 'SURVEY_PROOF_REQUIRED': return 'proofFailed'
    case 'NETWORK': return 'network'
    default: return 'unexpected'
  }
}
