/**
 * @module
 * The Aliyun SMS channel (dysmsapi `SendSms`, version 2017-05-25): an RPC-style GET signed as
 * Alibaba Cloud documents it (signature version 1.0): the parameters sorted by name, each name and
 * value percent-encoded per RFC 3986, joined into the canonicalized query; the string to sign is
 * `GET&%2F&` + percentEncode(that query); the signature is base64 HMAC-SHA1 of it keyed with
 * `AccessKeySecret + "&"`. A plugin adds it with `channels: { sms: aliyunSmsChannel }` and a
 * config of `aliyunSmsConfigSchema`; `accessKeySecret` is masked to all but owners and admins.
 */
import { createHmac, randomUUID } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import { PermanentSendError, type ChannelAdapter } from '../message-types.js'
import { smsTemplatesSchema, toAliyunNumber, validSmsNumber } from './sms-common.js'

/** The provider's public endpoint. */
export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/'

/** A plugin's config for Aliyun SMS. @example aliyunSmsConfigSchema.parse({ accessKeyId, accessKeySecret, signName: '阿里云短信测试', templates: { 'survey.invitation': { code: 'SMS_1', params: ['customerName', 'link'] } } }) */
export const aliyunSmsConfigSchema = z.object({
  accessKeyId: z.string().default(''),
  accessKeySecret: z.string().default(''),
  signName: z.string().default(''),
  templates: smsTemplatesSchema,
  endpoint: z.url().default(ALIYUN_SMS_ENDPOINT),
})
export type AliyunSmsConfig = z.infer<typeof aliyunSmsConfigSchema>

/** How long one request may take before the attempt fails (and is retried). */
const TIMEOUT_MS = 10_000

/** Answers that retrying will not change: the number, the template, the sign or the content were refused. */
const PERMANENT = new Set(['isv.MOBILE_NUMBER_ILLEGAL', 'isv.TEMPLATE_MISSING_PARAMETERS', 'isv.INVALID_PARAMETERS', 'isv.SMS_TEMPLATE_ILLEGAL', 'isv.SMS_SIGNATURE_ILLEGAL', 'isv.BLACK_KEY_CONTROL_LIMIT', 'isv.PARAM_LENGTH_LIMIT', 'isv.PARAM_NOT_SUPPORT_URL', 'isv.INVALID_JSON_PARAM', 'isv.DENY_IP_RANGE'])

/**
 * Percent-encoding as the signature requires: RFC 3986, so `!'()*` are encoded too and `~` is not.
 * @example aliyunPercentEncode('a b*~') // 'a%20b%2A~'
 */
export const aliyunPercentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * The canonicalized query of `params` (sorted by name, encoded, joined with `&`).
 * @example aliyunCanonicalQuery({ B: '2', A: '1' }) // 'A=1&B=2'
 */
export const aliyunCanonicalQuery = (params: Record<string, string>): string =>
  Object.keys(params).sort().map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k]!)}`).join('&')

/**
 * The RPC signature of `params` (without `Signature`) for `method`, keyed with the AccessKey secret.
 * @example aliyunSignature('GET', params, secret) // 'zJDF+Lrzhj/…='
 */
export const aliyunSignature = (method: string, params: Record<string, string>, secret: string): string =>
  createHmac('sha1', `${secret}&`).update(`${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`).digest('base64')

/** @example await aliyunSmsChannel.send(message, config) */
export const aliyunSmsChannel: ChannelAdapter<AliyunSmsConfig> = {
  address: 'phone',
  ready: (config) => Boolean(config.accessKeyId && config.accessKeySecret && config.signName),
  validAddress: validSmsNumber,
  async send(message, config) {
    const template = message.template === undefined ? undefined : config.templates[message.template]
    // Without an approved template the provider can never send this message.
    if (!template) throw new PermanentSendError(`No Aliyun SMS template is set for ${message.template ?? 'this message'}`)
    const params: Record<string, string> = {
      AccessKeyId: config.accessKeyId, Action: 'SendSms', Format: 'JSON', RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1', SignatureNonce: randomUUID(), SignatureVersion: '1.0',
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), Version: '2017-05-25',
      PhoneNumbers: toAliyunNumber(message.to), SignName: config.signName, TemplateCode: template.code,
      TemplateParam: JSON.stringify(Object.fromEntries(template.params.map((p) => [p, message.params?.[p] ?? '']))),
      OutId: message.messageId,
    }
    const url = `${config.endpoint}?Signature=${aliyunPercentEncode(aliyunSignature('GET', params, config.accessKeySecret))}&${aliyunCanonicalQuery(params)}`
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    const body = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string }
    if (body.Code === 'OK') return { providerId: body.BizId ?? '' }
    const reason = `Aliyun SMS ${body.Code ?? `HTTP ${res.status}`}: ${body.Message ?? ''}`.slice(0, 300)
    if (body.Code && PERMANENT.has(body.Code)) throw new PermanentSendError(reason)
    throw new Error(reason)
  },
}
