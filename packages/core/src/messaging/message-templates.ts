/**
 * @module
 * The templates messages are written from, in both first-class languages. `{{name}}` takes a
 * parameter from the message's data; `{{link}}` is the message's signed link and
 * `{{unsubscribeUrl}}` the recipient's unsubscribe link (both made at sending).
 */
import { complaintTemplates } from './templates/complaint-templates.js'
import { loyaltyTemplates } from './templates/loyalty-templates.js'

/** A template's texts in one language. */
export type TemplateTexts = { subject: string; text: string; html: string }

/** A template: its texts per locale and the parameters it reads (for the preview and the admin). */
export type MessageTemplate = { id: string; params: readonly string[]; locales: { en: TemplateTexts; 'zh-CN': TemplateTexts } }

const footer = {
  en: { text: '\n\nTo stop receiving these messages: {{unsubscribeUrl}}', html: '<p style="color:#888;font-size:12px"><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>' },
  'zh-CN': { text: '\n\n退订此类消息：{{unsubscribeUrl}}', html: '<p style="color:#888;font-size:12px"><a href="{{unsubscribeUrl}}">退订</a></p>' },
}

/** Core's templates, by id. */
export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'complaint.csat-survey',
    params: ['customerName', 'link'],
    locales: {
      en: {
        subject: 'How did we handle your complaint?',
        text: `Hello {{customerName}},\n\nYour complaint has been resolved. Please tell us how we did; it takes a minute:\n{{link}}${footer.en.text}`,
        html: `<p>Hello {{customerName}},</p><p>Your complaint has been resolved. Please tell us how we did; it takes a minute.</p><p><a href="{{link}}">Rate our service</a></p>${footer.en.html}`,
      },
      'zh-CN': {
        subject: '您的投诉处理得怎么样？',
        text: `{{customerName}}，您好：\n\n您的投诉已处理完毕。请花一分钟告诉我们您的评价：\n{{link}}${footer['zh-CN'].text}`,
        html: `<p>{{customerName}}，您好：</p><p>您的投诉已处理完毕。请花一分钟告诉我们您的评价。</p><p><a href="{{link}}">评价我们的服务</a></p>${footer['zh-CN'].html}`,
      },
    },
  },
  {
    id: 'survey.invitation',
    params: ['customerName', 'link'],
    locales: {
      en: {
        subject: 'A short survey: how are we doing?',
        text: `Hello {{customerName}},\n\nWe would value your opinion. The survey takes a few minutes:\n{{link}}${footer.en.text}`,
        html: `<p>Hello {{customerName}},</p><p>We would value your opinion. The survey takes a few minutes.</p><p><a href="{{link}}">Open the survey</a></p>${footer.en.html}`,
      },
      'zh-CN': {
        subject: '一份简短的问卷：我们做得怎么样？',
        text: `{{customerName}}，您好：\n\n我们很想听听您的意见，问卷只需几分钟：\n{{link}}${footer['zh-CN'].text}`,
        html: `<p>{{customerName}}，您好：</p><p>我们很想听听您的意见，问卷只需几分钟。</p><p><a href="{{link}}">打开问卷</a></p>${footer['zh-CN'].html}`,
      },
    },
  },
  {
    id: 'survey.reminder',
    params: ['customerName', 'link'],
    locales: {
      en: {
        subject: 'A reminder: your opinion still counts',
        text: `Hello {{customerName}},\n\nA few days ago we asked for your opinion and have not heard back yet. The survey takes a few minutes:\n{{link}}${footer.en.text}`,
        html: `<p>Hello {{customerName}},</p><p>A few days ago we asked for your opinion and have not heard back yet. The survey takes a few minutes.</p><p><a href="{{link}}">Open the survey</a></p>${footer.en.html}`,
      },
      'zh-CN': {
        subject: '温馨提醒：期待您的意见',
        text: `{{customerName}}，您好：\n\n前几天我们邀请您填写一份问卷，还没有收到您的回复。问卷只需几分钟：\n{{link}}${footer['zh-CN'].text}`,
        html: `<p>{{customerName}}，您好：</p><p>前几天我们邀请您填写一份问卷，还没有收到您的回复。问卷只需几分钟。</p><p><a href="{{link}}">打开问卷</a></p>${footer['zh-CN'].html}`,
      },
    },
  },
  {
    id: 'staff.notice',
    params: ['title', 'body', 'link'],
    locales: {
      en: { subject: '{{title}}', text: '{{body}}\n\n{{link}}', html: '<p>{{body}}</p><p><a href="{{link}}">Open</a></p>' },
      'zh-CN': { subject: '{{title}}', text: '{{body}}\n\n{{link}}', html: '<p>{{body}}</p><p><a href="{{link}}">打开</a></p>' },
    },
  },
  ...complaintTemplates(footer),
  ...loyaltyTemplates(footer),
]

/** A template by id, or undefined. @example findTemplate('complaint.csat-survey') */
export const findTemplate = (id: string): MessageTemplate | undefined => MESSAGE_TEMPLATES.find((t) => t.id === id)
