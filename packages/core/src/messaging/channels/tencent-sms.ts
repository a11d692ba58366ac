/**
 * @module
 * The Tencent Cloud SMS channel (`SendSms`, API 3.0, version 2021-01-11): a JSON POST signed
 * with TC3-HMAC-SHA256 as Tencent Cloud documents it: a canonical request (method, `/`, empty
 * query, the signed headers lowercased, their names, the hex SHA-256 of the body); a string to
 * sign (`TC3-HMAC-SHA256`, the timestamp, the credential scope `<UTC date>/sms/tc3_request`, the
 * hex SHA-256 of the canonical request); the key derived by HMAC-SHA256 chaining
 * `"TC3" + SecretKey` → date → service → `tc3_request`. A plugin adds it with
 * `channels: { sms: tencentSmsChannel }` and a config of `tencentSmsConfigSchema`; `secretKey`
 * is masked to all but owners and admins.
 */
import { createHash, createHmac } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import { PermanentSendError, type ChannelAdapter } from '../message-types.js'
import { smsTemplatesSchema, toE164, validSmsNumber } from './sms-common.js'

/** The provider's public endpoint. */
export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com/'

/** A plugin's config for Tencent Cloud SMS. @example tencentSmsConfigSchema.parse({ secretId, secretKey, smsSdkAppId: '1400000000', signName: '腾讯云', templates: { 'survey.invitation': { code: '449739', params: ['customerName', 'link'] } } }) */
export const tencentSmsConfigSchema = z.object({
  secretId: z.string().default(''),
  secretKey: z.string().default(''),
  smsSdkAppId: z.string().default(''),
  signName: z.string().default(''),
  region: z.string().default('ap-guangzhou'),
  templates: smsTemplatesSchema,
  endpoint: z.url().default(TENCENT_SMS_ENDPOINT),
})
export type TencentSmsConfig = z.infer<typeof tencentSmsConfigSchema>

/** How long one request may take before the attempt fails (and is retried). */
const TIMEOUT_MS = 10_000

/** Per-number answers that retrying will not change (a bad number, a refused template or content). */
const PERMANENT = /^(InvalidParameterValue\.|FailedOperation\.(PhoneNumberInBlacklist|MissingTemplateToModify|TemplateIncorrectOrUnapproved|SignatureIncorrectOrUnapproved|ContainSensitiveWord)|UnsupportedOperation\.)/

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')
const hmac = (key: string | Buffer, s: string): Buffer => createHmac('sha256', key).update(s).digest()

/** What a TC3 signature covers. `headers` are the signed headers by lowercase name. */
export type Tc3Request = { method: string; path: string; query: string; headers: Record<string, string>; payload: string; service: string; timestamp: number }

/**
 * The TC3-HMAC-SHA256 signature (hex) of a request and the `Authorization` header that carries it.
 * @example const { authorization } = tc3Sign(request, secretId, secretKey)
 */
export function tc3Sign(r: Tc3Request, secretId: string, secretKey: string): { signature: string; authorization: string } {
  const names = Object.keys(r.headers).map((h) => h.toLowerCase()).sort()
  const lower = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]))
  const signedHeaders = names.join(';')
  const canonical = [r.method, r.path, r.query, names.map((h) => `${h}:${lower[h]!.trim().toLowerCase()}\n`).join(''), signedHeaders, sha256(r.payload)].join('\n')
  const date = new Date(r.timestamp * 1000).toISOString().slice(0, 10)
  const scope = `${date}/${r.service}/tc3_request`
  const toSign = ['TC3-HMAC-SHA256', String(r.timestamp), scope, sha256(canonical)].join('\n')
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), r.service), 'tc3_request')
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  return { signature, authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` }
}

type SendStatus = { Code?: string; Message?: string; SerialNo?: string }
type Answer = { Response?: { Error?: { Code?: string; Message?: string }; SendStatusSet?: SendStatus[] } }

/** @example await tencentSmsChannel.send(message, config) */
export const tencentSmsChannel: ChannelAdapter<TencentSmsConfig> = {
  address: 'phone',
  ready: (config) => Boolean(config.secretId && config.secretKey && config.smsSdkAppId && config.signName),
  validAddress: validSmsNumber,
  async send(message, config) {
    const template = message.template === undefined ? undefined : config.templates[message.template]
    // Without an approved template the provider can never send this message.
    if (!template) throw new PermanentSendError(`No Tencent Cloud SMS template is set for ${message.template ?? 'this message'}`)
    const payload = JSON.stringify({
      PhoneNumberSet: [toE164(message.to)], SmsSdkAppId: config.smsSdkAppId, SignName: config.signName, TemplateId: template.code,
      TemplateParamSet: template.params.map((p) => message.params?.[p] ?? ''), SessionContext: message.messageId,
    })
    const url = new URL(config.endpoint)
    const timestamp = Math.floor(Date.now() / 1000)
    const signed = { 'content-type': 'application/json; charset=utf-8', host: url.host, 'x-tc-action': 'sendsms' }
    const { authorization } = tc3Sign({ method: 'POST', path: '/', query: '', headers: signed, payload, service: 'sms', timestamp }, config.secretId, config.secretKey)
    const res = await fetch(url, {
      method: 'POST', body: payload, signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { Authorization: authorization, 'Content-Type': signed['content-type'], 'X-TC-Action': 'SendSms', 'X-TC-Timestamp': String(timestamp), 'X-TC-Version': '2021-01-11', 'X-TC-Region': config.region },
    })
    const answer = ((await res.json().catch(() => ({}))) as Answer).Response
    const status = answer?.SendStatusSet?.[0]
    if (!answer?.Error && status?.Code === 'Ok') return { providerId: status.SerialNo ?? '' }
    const code = answer?.Error?.Code ?? status?.Code
    const reason = `Tencent Cloud SMS ${code ?? `HTTP ${res.status}`}: ${answer?.Error?.Message ?? status?.Message ?? ''}`.slice(0, 300)
    if (code && PERMANENT.test(code)) throw new PermanentSendError(reason)
    throw new Error(reason)
  },
}
