/**
 * @module
 * The WeChat Official Account channel (`wechat`): template messages (模板消息) to a customer's
 * openid, as WeChat documents them. The access token comes from `POST /cgi-bin/stable_token`
 * (the stable token: several API processes fetching it do not invalidate each other's, as the
 * older `/cgi-bin/token` does); the message is `POST /cgi-bin/message/template/send?access_token=…`
 * with `{ touser, template_id, url?, data: { <keyword>: { value } }, client_msg_id }`. Templates are
 * approved per account, so `templates` maps a Rapport template to the account's template id and
 * which message parameter fills each keyword. Configured in the messaging settings (`wechat`),
 * `appSecret` stored encrypted and shown only to owners and admins.
 */
import { z } from '@hono/zod-openapi'
import { messageErrors } from '../../errors/index.js'
import { PermanentSendError, type ChannelAdapter } from '../message-types.js'
import { tokenKey, wechatError, wechatRequest, withAccessToken } from './wechat-api.js'

/** The provider's public API base. */
export const WECHAT_API = 'https://api.weixin.qq.com'

/** An openid: what WeChat gives one follower of one Official Account (28 URL-safe characters today). */
export const wechatOpenIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a WeChat openid')

/** One Rapport template as an Official Account template: its id and which parameter fills each keyword (`thing1: 'customerName'`). */
export const wechatTemplateSchema = z.strictObject({
  templateId: z.string().min(1).max(128),
  fields: z.record(z.string().regex(/^[a-z_]+\d*$/).max(40), z.string().min(1).max(64)).default({}),
})

/** The `wechat` section of the messaging settings. @example wechatSettingsSchema.parse({ appId: 'wx8888…', appSecret: '…', templates: {} }) */
export const wechatSettingsSchema = z.strictObject({
  appId: z.string().min(1).max(64),
  appSecret: z.string().max(200).optional().openapi({ description: 'Write-only: reads show ********' }),
  templates: z.record(z.string(), wechatTemplateSchema).default({}),
  apiBase: z.url().default(WECHAT_API).openapi({ description: "The API's address; changed only to point tests at a local server" }),
})
export type WechatSettings = z.infer<typeof wechatSettingsSchema>

/** Codes retrying can change: busy, rate limits, a token still refused after a fresh one, and a key or allow-list an admin can fix. */
const TRANSIENT = new Set([-1, 40001, 40014, 42001, 40013, 40125, 40164, 45009, 45011, 89503])
const READABLE: Record<number, string> = {
  [-1]: 'WeChat is busy', 40003: 'the openid does not belong to this Official Account', 40013: 'the AppID is not valid', 40125: 'the AppSecret is not valid',
  40164: "this server's IP address is not on the account's allow-list", 40037: 'the template id is not valid', 43004: 'the customer does not follow the Official Account',
  43101: 'the customer refused these messages', 45009: "the day's API quota is used up", 45011: 'too many calls this minute', 47003: 'a template keyword is missing or too long',
}

/** Keyword values are short (a `thing` takes 20 characters); longer ones are cut so the message still goes. */
const clip = (v: string): string => (Array.from(v).length > 200 ? `${Array.from(v).slice(0, 199).join('')}…` : v)

type Settings = { wechat?: WechatSettings | undefined }

const fetchToken = (wx: WechatSettings) => async () => {
  const answer = await wechatRequest('WeChat', `${wx.apiBase}/cgi-bin/stable_token`, { method: 'POST', body: { grant_type: 'client_credential', appid: wx.appId, secret: wx.appSecret ?? '', force_refresh: false } })
  if (typeof answer.access_token !== 'string') throw wechatError('WeChat token', answer, READABLE, false)
  return { token: answer.access_token, expiresIn: Number(answer.expires_in ?? 7200) }
}

/** @example await wechatChannel.send(message, settings) */
export const wechatChannel: ChannelAdapter<Settings> = {
  address: 'wechatOpenId',
  ready: (settings) => Boolean(settings.wechat?.appId && settings.wechat.appSecret),
  validAddress: (openId) => wechatOpenIdSchema.safeParse(openId).success,
  async send(message, settings) {
    const wx = settings.wechat
    if (!wx) throw messageErrors.CHANNEL_NOT_CONFIGURED({ channel: 'wechat' })
    const template = message.template === undefined ? undefined : wx.templates[message.template]
    // An Official Account sends only templates it was approved for.
    if (!template) throw new PermanentSendError(`No WeChat template is set for ${message.template ?? 'this message'}`)
    const link = message.params?.link
    const body = {
      touser: message.to, template_id: template.templateId, ...(link ? { url: link } : {}),
      data: Object.fromEntries(Object.entries(template.fields).map(([keyword, param]) => [keyword, { value: clip(message.params?.[param] ?? '') }])),
      client_msg_id: message.messageId,
    }
    const key = tokenKey('wechat', wx.apiBase, wx.appId, wx.appSecret ?? '')
    const answer = await withAccessToken(key, fetchToken(wx), (token) =>
      wechatRequest('WeChat', `${wx.apiBase}/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`, { method: 'POST', body }))
    const code = Number(answer.errcode ?? 0)
    if (code === 0) return { providerId: String(answer.msgid ?? '') }
    throw wechatError('WeChat', answer, READABLE, !TRANSIENT.has(code))
  },
}
