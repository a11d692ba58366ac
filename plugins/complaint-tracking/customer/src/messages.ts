/**
 * @module
 * The customer page's texts in zh-CN and en, and the language it picks: `?lang=`, else the browser's.
 */
export type Locale = 'zh-CN' | 'en'

const en = {
  title: 'Your complaint', reference: 'Reference {{id}}', filed: 'Filed {{at}}', status: 'Status',
  statusValue: { new: 'Received', open: 'Being handled', pending_customer: 'Waiting for your reply', pending_third_party: 'Waiting on a third party', resolved: 'Resolved', closed: 'Closed' },
  resolution: 'Resolution', conversation: 'Messages', you: 'You', staff: 'Customer service', noMessages: 'No messages yet.',
  reply: 'Your reply', send: 'Send', sent: 'Sent.', replyClosed: 'This complaint is resolved or closed; replies are no longer possible.',
  attachments: 'Attachments', description: 'Your description',
  formTitle: 'File a complaint', formIntro: 'Tell us what went wrong. We answer by email or phone.',
  name: 'Your name', email: 'Email', phone: 'Phone', contactHint: 'An email or a phone number is needed.', category: 'Category', chooseCategory: 'Choose…',
  descriptionLabel: 'What happened?', orderRef: 'Order number (optional)', files: 'Photos or documents (optional)',
  filesHint: 'Up to {{count}} files of at most {{size}} each: {{types}}.', submit: 'Submit complaint', submitting: 'Sending…',
  received: 'Thank you. Your complaint was received.', receivedRef: 'Your reference: {{id}}', language: 'Language',
  loading: 'Loading…',
  categories: {
    product: 'Product', 'product/quality': 'Quality', 'product/wrong-item': 'Wrong item', service: 'Service', 'service/staff': 'Staff behaviour',
    'service/waiting': 'Waiting time', delivery: 'Delivery', 'delivery/late': 'Late', 'delivery/damaged': 'Damaged', billing: 'Billing', other: 'Other',
  },
  myCases: 'My complaints', newCase: 'File a new complaint', noCases: 'You have not filed a complaint yet.', more: 'Show more',
  backToList: '← My complaints', otherCategory: 'Other', addFiles: 'Add photos or documents', upload: 'Upload', uploaded: 'Files added.',
  uploadRefused: 'Your complaint was filed, but a file was not added: {{reason}}',
  trackingHint: 'Keep this link to follow your complaint and reply to us. Anyone with the link can read it.', openTracking: 'Follow my complaint',
  errors: {
    LINK_INVALID: 'This link is not valid.', LINK_EXPIRED: 'This link has expired.', LINK_USED: 'This link was already used.',
    LINK_WRONG_CUSTOMER: 'This link does not open this complaint.', LINK_WRONG_PURPOSE: 'This link is not for this page: it opens another of our pages, not a complaint. Please open the complaint link we sent you.',
    COMPLAINTS_CASE_NOT_FOUND: 'This complaint was not found.', COMPLAINTS_TRACKING_INVALID: 'This tracking link does not open a complaint. Please check that it was copied in full.',
    COMPLAINTS_CASE_CLOSED: 'This complaint is closed.', COMPLAINTS_FORM_DISABLED: 'The complaint form is not available.',
    COMPLAINTS_FORM_RATE_LIMITED: 'Too many complaints were sent from your network. Please try again in {{minutes}} minutes.',
    COMPLAINTS_CATEGORY_UNKNOWN: 'Please choose a category.', COMPLAINTS_ATTACHMENT_TOO_LARGE: 'A file is too large.',
    COMPLAINTS_ATTACHMENT_TYPE_NOT_ALLOWED: 'This file type is not accepted.', COMPLAINTS_ATTACHMENT_CONTENT_MISMATCH: 'A file does not match its type.',
    COMPLAINTS_ATTACHMENT_LIMIT_REACHED: 'Too many files for one complaint.', REQUEST_BODY_TOO_LARGE: 'The files are too large together. Please send fewer at a time.', REQUEST_INVALID: 'Please check the marked fields.', NETWORK: 'The server could not be reached. Please try again.',
    UNKNOWN: 'Something went wrong. Please try again.', NO_LINK: 'Open this page from the link we sent you.',
  },
}
type Messages = typeof en

const zhCN: Messages = {
  title: '您的投诉', reference: '编号 {{id}}', filed: '提交于 {{at}}', status: '状态',
  statusValue: { new: '已收到', open: '处理中', pending_customer: '等待您的回复', pending_third_party: '等待第三方', resolved: '已解决', closed: '已关闭' },
  resolution: '处理结果', conversation: '消息', you: '您', staff: '客服', noMessages: '暂无消息。',
  reply: '您的回复', send: '发送', sent: '已发送。', replyClosed: '该投诉已解决或已关闭，不能再回复。',
  attachments: '附件', description: '您的描述',
  formTitle: '提交投诉', formIntro: '请告诉我们发生了什么，我们会通过邮件或电话联系您。',
  name: '您的姓名', email: '邮箱', phone: '电话', contactHint: '请至少填写邮箱或电话。', category: '类别', chooseCategory: '请选择…',
  descriptionLabel: '发生了什么？', orderRef: '订单号（可选）', files: '照片或文件（可选）',
  filesHint: '最多 {{count}} 个文件，每个不超过 {{size}}：{{types}}。', submit: '提交投诉', submitting: '提交中…',
  received: '谢谢，我们已收到您的投诉。', receivedRef: '您的投诉编号：{{id}}', language: '语言',
  loading: '加载中…',
  categories: {
    product: '产品', 'product/quality': '质量问题', 'product/wrong-item': '发错商品', service: '服务', 'service/staff': '员工态度',
    'service/waiting': '等待时间', delivery: '配送', 'delivery/late': '配送延迟', 'delivery/damaged': '商品损坏', billing: '账单', other: '其他',
  },
  myCases: '我的投诉', newCase: '提交新投诉', noCases: '您还没有提交过投诉。', more: '显示更多',
  backToList: '← 我的投诉', otherCategory: '其他', addFiles: '添加照片或文件', upload: '上传', uploaded: '文件已添加。',
  uploadRefused: '投诉已提交，但有文件未能添加：{{reason}}',
  trackingHint: '请保存此链接，以便查看投诉进展并回复我们。任何持有此链接的人都能查看该投诉。', openTracking: '查看我的投诉',
  errors: {
    LINK_INVALID: '该链接无效。', LINK_EXPIRED: '该链接已过期。', LINK_USED: '该链接已被使用。',
    LINK_WRONG_CUSTOMER: '该链接不能打开此投诉。', LINK_WRONG_PURPOSE: '此链接不是用来打开此页面的：它打开的是我们的其他页面，而不是投诉。请打开我们发给您的投诉链接。',
    COMPLAINTS_CASE_NOT_FOUND: '未找到该投诉。', COMPLAINTS_TRACKING_INVALID: '该查询链接无法打开投诉，请确认链接已完整复制。',
    COMPLAINTS_CASE_CLOSED: '该投诉已关闭。', COMPLAINTS_FORM_DISABLED: '投诉表单暂不可用。',
    COMPLAINTS_FORM_RATE_LIMITED: '您所在网络提交的投诉过多，请 {{minutes}} 分钟后再试。',
    COMPLAINTS_CATEGORY_UNKNOWN: '请选择类别。', COMPLAINTS_ATTACHMENT_TOO_LARGE: '文件过大。',
    COMPLAINTS_ATTACHMENT_TYPE_NOT_ALLOWED: '不接受该文件类型。', COMPLAINTS_ATTACHMENT_CONTENT_MISMATCH: '文件内容与类型不符。',
    COMPLAINTS_ATTACHMENT_LIMIT_REACHED: '一个投诉的文件过多。', REQUEST_BODY_TOO_LARGE: '文件总大小过大，请分几次上传。', REQUEST_INVALID: '请检查标出的字段。', NETWORK: '无法连接服务器，请重试。',
    UNKNOWN: '出错了，请重试。', NO_LINK: '请通过我们发给您的链接打开此页面。',
  },
}

const all: Record<Locale, Messages> = { en, 'zh-CN': zhCN }

/** `?lang=en|zh-CN`, else the browser's language (Chinese unless it prefers another). */
export function pickLocale(search: string, languages: readonly string[]): Locale {
  const asked = new URLSearchParams(search).get('lang')
  if (asked === 'en' || asked === 'zh-CN') return asked
  const first = languages[0] ?? 'zh-CN'
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** The translate function of a locale: `t('errors.LINK_EXPIRED')`, `{{name}}` placeholders. */
export function translator(locale: Locale) {
  return (key: string, values: Record<string, string | number> = {}): string => {
    let node: unknown = all[locale]
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
    const text = typeof node === 'string' ? node : key
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''))
  }
}
export type T = ReturnType<typeof translator>

/**
 * A category's name: the built-in categories in the page's language while their configured label is
 * still the built-in English one; a label the business set is shown as it set it.
 */
export function categoryName(t: T, id: string, label: string | undefined): string {
  const key = `categories.${id.replace(/\./g, '/')}`
  const builtIn = translator('en')(key)
  if (label !== undefined && (builtIn === key || label !== builtIn)) return label
  return builtIn === key ? t('otherCategory') : t(key)
}
