/**
 * @module
 * One-click unsubscribe (RFC 8058): `GET /api/v1/messaging/unsubscribe/{token}` shows a page with
 * one button in the customer's language (a GET changes nothing: mail scanners open links);
 * `POST` to the same address (the button, or the mail client's `List-Unsubscribe-Post`) records
 * the withdrawal, which every sender honours, and `message.unsubscribed` on the timeline. The
 * token is never stored nor logged.
 */
import { z } from '@hono/zod-openapi'
import { publishEvent } from '../events/publish-event.js'
import { messageErrors } from '../errors/index.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { recordConsent } from './consent-store.js'
import { loadMessagingSettings } from './messaging-settings.js'
import { templateLocale } from './render-template.js'
import { readUnsubscribeToken } from './unsubscribe-token.js'

const texts = {
  en: { ask: 'Stop receiving messages from us by {channel}?', button: 'Unsubscribe', done: 'You are unsubscribed. We will not send you messages by {channel} any more.' },
  'zh-CN': { ask: '不再通过{channel}接收我们的消息？', button: '退订', done: '您已退订，我们不会再通过{channel}向您发送消息。' },
}
const channelNames: Record<string, { en: string; 'zh-CN': string }> = { email: { en: 'email', 'zh-CN': '电子邮件' }, sms: { en: 'SMS', 'zh-CN': '短信' } }

// The look of the survey's customer pages: a white card on grey, one blue button.
const STYLE = 'body{margin:0;padding:0 1rem;background:#f3f4f6;font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937}' +
  'main{max-width:28rem;margin:3rem auto;padding:2rem 1.5rem;background:#fff;border-radius:12px;font-size:1.05rem;line-height:1.6}' +
  'button{width:100%;margin-top:1rem;padding:.8rem;border:0;border-radius:8px;background:#2563eb;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}'
const page = (lang: 'en' | 'zh-CN', body: string): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${texts[lang].button}</title><style>${STYLE}</style></head>` +
  `<body><main>${body}</main></body></html>`

const html = { content: { 'text/html': { schema: z.string() } }, description: 'A page' }
const params = z.object({ token: z.string().min(1).max(400) })

/** @example const routes = [...unsubscribeRoutes(s)] */
export function unsubscribeRoutes(s: CoreServices) {
  async function who(token: string) {
    const found = readUnsubscribeToken(s.config.secret, token)
    if (!found) throw messageErrors.UNSUBSCRIBE_INVALID(undefined)
    const row = await s.db.get<{ locale: string | null }>('SELECT locale FROM core_customers WHERE id = ?', [found.customerId])
    if (!row) throw messageErrors.UNSUBSCRIBE_INVALID(undefined)
    const lang = templateLocale(row.locale, (await loadMessagingSettings(s, s.db)).defaultLocale)
    return { ...found, lang, label: channelNames[found.channel]?.[lang] ?? found.channel }
  }

  const show = defineRoute(
    {
      method: 'get', path: '/api/v1/messaging/unsubscribe/{token}', access: policies.anonymous, tags: ['messaging'], summary: 'The unsubscribe page (changes nothing)',
      request: { params }, responses: { 200: html, 400: jsonResponse(errorBody, 'Not a link this server issued') },
    },
    async (c) => {
      const { lang, label } = await who(c.req.valid('param').token)
      const t = texts[lang]
      c.header('referrer-policy', 'no-referrer')
      return c.html(page(lang, `<p>${t.ask.replace('{channel}', label)}</p><form method="post"><button type="submit">${t.button}</button></form>`), 200)
    },
  )

  const confirm = defineRoute(
    {
      method: 'post', path: '/api/v1/messaging/unsubscribe/{token}', access: policies.anonymous, tags: ['messaging'],
      summary: 'Unsubscribe one customer from one channel (one click; RFC 8058)',
      request: { params }, responses: { 200: html, 400: jsonResponse(errorBody, 'Not a link this server issued') },
    },
    async (c) => {
      const { customerId, channel: name, lang, label } = await who(c.req.valid('param').token)
      await s.db.tx(async (tx) => {
        await recordConsent(tx, { customerId, channel: name, state: 'withdrawn', source: 'unsubscribe-link' }, s.now())
        await publishEvent(s, { type: 'message.unsubscribed', customerId, payload: { channel: name }, emitter: 'core', source: 'core', occurredAt: s.now().toISOString(), idempotencyKey: `message.unsubscribed:${customerId}:${name}:${s.now().toISOString()}` }, tx)
      })
      c.header('referrer-policy', 'no-referrer')
      return c.html(page(lang, `<p>${texts[lang].done.replace('{channel}', label)}</p>`), 200)
    },
  )
  return [show, confirm]
}
