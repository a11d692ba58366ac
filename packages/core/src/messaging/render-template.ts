/**
 * @module
 * Renders a template in the recipient's language: the subject and text parts take parameters as
 * they are, the HTML part takes them escaped. A parameter the data lacks renders empty.
 */
import { findTemplate, type TemplateTexts } from './message-templates.js'
import { messageErrors } from '../errors/index.js'

/** The two languages templates are written in. */
export const TEMPLATE_LOCALES = ['zh-CN', 'en'] as const
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number]

/**
 * The template language for a customer's locale: Chinese for any `zh` tag, English for any other
 * tag, `fallback` when the customer has none.
 * @example templateLocale('zh-TW', 'en') // 'zh-CN'
 */
export function templateLocale(locale: string | null | undefined, fallback: TemplateLocale): TemplateLocale {
  if (!locale) return fallback
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

const escapeHtml = (v: string): string => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const fill = (text: string, params: Record<string, string | number>, encode: (v: string) => string): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => encode(String(params[name] ?? '')))

/**
 * Renders template `id` in `locale` with `params`, from `edited` texts when an admin changed them
 * (else the built-in ones); MESSAGE_TEMPLATE_NOT_FOUND (404) for an unknown id.
 * @example renderTemplate('survey.invitation', 'en', { customerName: 'Lin', link: 'https://…' }).subject
 */
export function renderTemplate(id: string, locale: TemplateLocale, params: Record<string, string | number>, edited?: TemplateTexts): TemplateTexts {
  const template = findTemplate(id)
  if (!template) throw messageErrors.TEMPLATE_NOT_FOUND({ template: id })
  const texts = edited ?? template.locales[locale]
  return { subject: fill(texts.subject, params, (v) => v.replace(/[\r\n]+/g, ' ')), text: fill(texts.text, params, (v) => v), html: fill(texts.html, params, escapeHtml) }
}
