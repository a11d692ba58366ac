/**
 * @module
 * The WeCom (企业微信) channel (`wecom`): application messages to staff, as WeCom documents them.
 * The token comes from `GET /cgi-bin/gettoken?corpid=…&corpsecret=…` (the application's secret);
 * the message is `POST /cgi-bin/message/send?access_token=…` with `{ touser, msgtype, agentid, … }`:
 * a `textcard` (title, description, url) when the message has a link, else `text`, with WeCom's
 * duplicate check on so a retry after a lost answer is not shown twice. A user WeCom does not
 * know (`invaliduser`, or 81013) bounces. Configured in the messaging settings (`wecom`),
 * `corpSecret` stored encrypted and shown only to owners and admins.
 */
import { z } from '@hono/zod-openapi'
import { messageErrors } from '../../errors/index.js'
import { PermanentSendError, type ChannelAdapter } from '../message-types.js'
import { tokenKey, wechatError, wechatRequest, withAccessToken } from './wechat-api.js'

/** The provider's public API base. */
export const WECOM_API = 'https://qyapi.weixin.qq.com'

/** A WeCom member's UserID (账号): 1–64 letters, digits, `_`, `-`, `.` or `@`. */
export const wecomUserIdSchema = z.string().trim().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'is not a WeCom UserID')

/** The `wecom` section of the messaging settings. @example wecomSettingsSchema.parse({ corpId: 'ww…', agentId: 1000002, corpSecret: '…' }) */
export const wecomSettingsSchema = z.strictObject({
  corpId: z.string().min(1).max(64),
  agentId: z.int().min(1),
  corpSecret: z.string().max(200).optional().openapi({ description: "The application's Secret. Write-only: reads show ********" }),
  apiBase: z.url().default(WECOM_API).openapi({ description: "The API's address; changed only to point tests at a local server" }),
})
export type WecomSettings = z.infer<typeof wecomSettingsSchema>

/** Codes retrying can change: busy, rate and concurrency limits, a token still refused after a fresh one, a key or allow-list an admin can fix. */
const TRANSIENT = new Set([-1, 40001, 40014, 42001, 40013, 40091, 45009, 45033, 60020])
const READABLE: Record<number, string> = {
  [-1]: 'WeCom is busy', 40013: 'the CorpID is not valid', 40091: 'the application Secret is not valid', 40056: 'the AgentId is not valid',
  45009: 'the API rate limit is reached', 45033: 'too many calls at once', 60020: "this server's IP address is not trusted by the application",
  81013: 'the UserID is not a member the application can reach', 82001: 'the UserID is not a member the application can reach',
}

/** Cuts `text` to at most `bytes` UTF-8 bytes (WeCom counts bytes), marking the cut. */
const cutBytes = (text: string, bytes: number): string => {
  if (Buffer.byteLength(text) <= bytes) return text
  let out = ''
  for (const ch of text) {
    if (Buffer.byteLength(`${out}${ch}…`) > bytes) break
    out += ch
  }
  return `${out}…`
}

type Settings = { wecom?: WecomSettings | undefined }

const fetchToken = (wc: WecomSettings) => async () => {
  const answer = await wechatRequest('WeCom', `${wc.apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(wc.corpId)}&corpsecret=${encodeURIComponent(wc.corpSecret ?? '')}`)
  if (Number(answer.errcode ?? 0) !== 0 || typeof answer.access_token !== 'string') throw wechatError('WeCom token', answer, READABLE, false)
  return { token: answer.access_token, expiresIn: Number(answer.expires_in ?? 7200) }
}

/** @example await wecomChannel.send(message, settings) */
export const wecomChannel: ChannelAdapter<Settings> = {
  address: 'wecomUserId',
  ready: (settings) => Boolean(settings.wecom?.corpId && settings.wecom.corpSecret),
  validAddress: (userId) => wecomUserIdSchema.safeParse(userId).success,
  async send(message, settings) {
    const wc = settings.wecom
    if (!wc) throw messageErrors.CHANNEL_NOT_CONFIGURED({ channel: 'wecom' })
    const link = message.params?.link
    const text = message.text.replace(link ?? '\u0000', '').trim()
    const body = {
      touser: message.to, agentid: wc.agentId, enable_duplicate_check: 1, duplicate_check_interval: 1800,
      ...(link
        ? { msgtype: 'textcard', textcard: { title: cutBytes(message.subject, 128), description: cutBytes(text, 512), url: link, btntxt: message.locale === 'en' ? 'Open' : '查看' } }
        : { msgtype: 'text', text: { content: cutBytes(`${message.subject}\n${text}`, 2048) } }),
    }
    const key = tokenKey('wecom', wc.apiBase, wc.corpId, wc.corpSecret ?? '')
    const answer = await withAccessToken(key, fetchToken(wc), (token) =>
      wechatRequest('WeCom', `${wc.apiBase}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`, { method: 'POST', body }))
    const code = Number(answer.errcode ?? 0)
    if (code !== 0) throw wechatError('WeCom', answer, READABLE, !TRANSIENT.has(code))
    // A partly refused send still answers 0 and names the members it could not reach.
    if (String(answer.invaliduser ?? '').split('|').includes(message.to)) throw new PermanentSendError('WeCom: the UserID is not a member the application can reach (invaliduser)')
    return { providerId: String(answer.msgid ?? '') }
  },
}
