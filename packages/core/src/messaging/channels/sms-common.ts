/**
 * @module
 * What the SMS adapters share: which numbers they accept (E.164 with a leading +, or a mainland
 * China mobile number of 11 digits), how a number is written for each provider, and the map from
 * a Rapport template to the provider's approved template and the parameters it takes. SMS
 * providers send only templates they approved, never free text, so each template that should
 * go by SMS needs an entry.
 */
import { z } from '@hono/zod-openapi'

const MAINLAND = /^1[3-9]\d{9}$/
const E164 = /^\+[1-9]\d{6,14}$/

/** The number without the separators people type (spaces, dashes, dots, parentheses). */
const compact = (phone: string): string => phone.trim().replace(/[\s\-.()]/g, '')

/**
 * Whether an SMS can go to `phone`: E.164 (`+8613800138000`, `+85291234567`) or a mainland mobile number (`13800138000`).
 * @example validSmsNumber('+86 138-0013-8000') // true
 */
export const validSmsNumber = (phone: string): boolean => {
  const p = compact(phone)
  return MAINLAND.test(p) || E164.test(p)
}

/**
 * The number in E.164, a mainland number with +86 (Tencent Cloud's form).
 * @example toE164('138 0013 8000') // '+8613800138000'
 */
export const toE164 = (phone: string): string => {
  const p = compact(phone)
  return MAINLAND.test(p) ? `+86${p}` : p
}

/**
 * A mainland number as its 11 digits and any other as country code and number without the +
 * (Aliyun's documented form for PhoneNumbers).
 * @example toAliyunNumber('+8613800138000') // '13800138000'
 */
export const toAliyunNumber = (phone: string): string => {
  const p = toE164(phone).slice(1)
  return p.startsWith('86') && MAINLAND.test(p.slice(2)) ? p.slice(2) : p
}

/** A Rapport template's provider template: its code or id, and which of the message's parameters it takes, in order. */
export const smsTemplateSchema = z.strictObject({ code: z.string().min(1).max(64), params: z.array(z.string().min(1).max(64)).max(20).default([]) })
export type SmsTemplate = z.infer<typeof smsTemplateSchema>

/** The template map of an SMS config: Rapport template id to provider template. */
export const smsTemplatesSchema = z.record(z.string(), smsTemplateSchema).default({})
