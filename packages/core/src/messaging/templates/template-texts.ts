/**
 * @module
 * How a template's texts are put together from its words, shared by the complaint and loyalty
 * templates: a greeting, the body, the link as an action when there is one, and the unsubscribe
 * footer on customers' messages.
 */
import type { TemplateTexts } from '../message-templates.js'

/** The unsubscribe footer customers' messages end with, per locale. */
export type Footer = { en: { text: string; html: string }; 'zh-CN': { text: string; html: string } }
/** A template's words in one language; `action` labels the message's link (none: no link). */
export type Words = { subject: string; body: string; action?: string }

/** @example templateTexts({ subject, body, action }, 'Hello {{customerName}},\n\n', footer.en) */
export const templateTexts = (w: Words, greeting: string, footer: { text: string; html: string } | undefined): TemplateTexts => ({
  subject: w.subject,
  text: `${greeting}${w.body}${w.action ? '\n{{link}}' : ''}${footer?.text ?? ''}`,
  html: `${greeting ? `<p>${greeting.trim()}</p>` : ''}<p>${w.body}</p>${w.action ? `<p><a href="{{link}}">${w.action}</a></p>` : ''}${footer?.html ?? ''}`,
})

/** A customer's texts in both languages: greeted by name, with the unsubscribe footer. */
export const customerTexts = (en: Words, zh: Words, footer: Footer) => ({
  en: templateTexts(en, 'Hello {{customerName}},\n\n', footer.en),
  'zh-CN': templateTexts(zh, '{{customerName}}，您好：\n\n', footer['zh-CN']),
})
