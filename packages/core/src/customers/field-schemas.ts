/**
 * @module
 * Validators for single customer fields: external id, email, phone, birthday, locale, time zone
 * and the free-form attributes object. Composed into request schemas by `schemas.ts`.
 */
import { z } from '@hono/zod-openapi'
import { validSmsNumber } from '../messaging/channels/sms-common.js'

/** Most keys an attributes object may hold. @example Object.keys(attributes).length <= MAX_ATTRIBUTE_KEYS */
export const MAX_ATTRIBUTE_KEYS = 50
/** Largest attributes object, serialized as JSON, in bytes. @example Buffer.byteLength(json) <= MAX_ATTRIBUTES_BYTES */
export const MAX_ATTRIBUTES_BYTES = 8 * 1024

/** The business's own id for a customer. @example externalIdSchema.parse('crm-10086') */
export const externalIdSchema = z.string().min(1).max(128).openapi({ example: 'crm-10086' })

/** A display name, trimmed. @example nameSchema.parse(' 王芳 ') // '王芳' */
export const nameSchema = z.string().trim().min(1).max(200).openapi({ example: '王芳' })

/** An email address. @example emailSchema.parse('wang.fang@example.cn') */
export const emailSchema = z.string().trim().max(254).pipe(z.email()).openapi({ example: 'wang.fang@example.cn' })

/**
 * A phone number a message can reach: E.164 (`+86 10 6552 9988`, `+65 8123 4567`) or a mainland
 * mobile number of 11 digits, written with spaces, dashes, dots or parentheses if wished. Checked
 * here, where the number is given, so the delivery worker never finds out too late.
 * @example phoneSchema.parse('+86 138-0013-8000')
 */
export const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 ()\-.]+$/, 'must hold digits, spaces, dashes, dots or parentheses, with an optional leading +')
  .refine(validSmsNumber, 'must be an E.164 number with its country code (+86 138 0013 8000) or a mainland mobile number of 11 digits')
  .openapi({ example: '+86 138-0013-8000' })

/** True when `YYYY-MM-DD` names a day that exists in the calendar. @example isCalendarDate('2024-02-29') // true */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** The latest calendar day anywhere on Earth (UTC+14), so a birthday of "today" is never refused. */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10)
}

/** A birthday: a real `YYYY-MM-DD` date, not in the future. @example birthdaySchema.parse('1990-05-17') */
export const birthdaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real date')
  .refine((d) => d <= latestToday(), 'is in the future')
  .openapi({ example: '1990-05-17', format: 'date' })

/** True for a well-formed BCP-47 tag such as `zh-CN` or `en`. @example isLocale('zh-Hans-CN') // true */
export function isLocale(value: string): boolean {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) return false
  try { return Intl.getCanonicalLocales(value).length === 1 } catch { return false }
}

/** The canonical spelling of a valid locale (`zh-cn` → `zh-CN`). @example canonicalLocale('zh-cn') // 'zh-CN' */
export function canonicalLocale(value: string): string {
  return Intl.getCanonicalLocales(value)[0] ?? value
}

/** A BCP-47 language tag. @example localeSchema.parse('zh-CN') */
export const localeSchema = z.string().max(35).refine(isLocale, 'is not a BCP-47 language tag').openapi({ example: 'zh-CN' })

/** True for a time zone name this runtime's Intl knows. @example isTimeZone('Asia/Shanghai') // true */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false
  try { new Intl.DateTimeFormat('en', { timeZone: value }); return true } catch { return false }
}

/** The canonical spelling of a valid time zone (`asia/shanghai` → `Asia/Shanghai`). @example canonicalTimeZone('utc') // 'UTC' */
export function canonicalTimeZone(value: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
}

/** An IANA time zone name. @example timeZoneSchema.parse('Asia/Shanghai') */
export const timeZoneSchema = z.string().max(64).refine(isTimeZone, 'is not an IANA time zone').openapi({ example: 'Asia/Shanghai' })

const attributeScalar = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])
const attributeKey = z.string().min(1).max(64) // zod drops a `__proto__` key on its own

/**
 * Free-form attributes: at most 50 keys; values are strings, numbers, booleans, null or arrays of
 * those; at most 8 KB once serialized.
 * @example attributesSchema.parse({ vip: true, channels: ['wechat', 'store'] })
 */
export const attributesSchema = z
  .record(attributeKey, z.union([attributeScalar, z.array(attributeScalar).max(100)]))
  .refine((o) => Object.keys(o).length <= MAX_ATTRIBUTE_KEYS, `must hold at most ${MAX_ATTRIBUTE_KEYS} keys`)
  .refine((o) => Buffer.byteLength(JSON.stringify(o)) <= MAX_ATTRIBUTES_BYTES, `must be at most ${MAX_ATTRIBUTES_BYTES} bytes as JSON`)
  .openapi({ example: { vip: true, channels: ['wechat', 'store'] } })
