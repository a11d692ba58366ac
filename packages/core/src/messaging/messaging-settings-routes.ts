/**
 * @module
 * `GET`/`PUT /api/v1/messaging/settings` (channel credentials, budget, quiet hours: owners and
 * admins only, the password masked) and `POST /api/v1/messaging/test` (a test message to an address
 * on a channel, refused with MESSAGE_ADDRESS_INVALID when the address is not one of that channel).
 */
import { recordAudit } from '../audit/audit-log.js'
import { messageErrors } from '../errors/index.js'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { z } from '@hono/zod-openapi'
import { liveChannels } from './message-channels.js'
import { scrubError } from './finish-message.js'
import { testSendRequest } from './message-schemas.js'
import { loadMessagingSettings, maskSettings, messagingSettingsSchema, saveMessagingSettings } from './messaging-settings.js'
import { renderTemplate } from './render-template.js'

/** @example const routes = [...messagingSettingsRoutes(s)] */
export function messagingSettingsRoutes(s: CoreServices) {
  const read = defineRoute(
    {
      method: 'get', path: '/api/v1/messaging/settings', access: policies.admins, tags: ['messaging'], summary: 'Messaging settings (the SMTP password masked)',
      responses: { 200: jsonResponse(messagingSettingsSchema, 'The settings'), ...commonErrors },
    },
    async (c) => c.json(maskSettings(await loadMessagingSettings(s, s.db)), 200),
  )

  const write = defineRoute(
    {
      method: 'put', path: '/api/v1/messaging/settings', access: policies.admins, tags: ['messaging'], summary: 'Replace the messaging settings',
      request: { body: jsonBody(messagingSettingsSchema) }, responses: { 200: jsonResponse(messagingSettingsSchema, 'The stored settings, masked'), ...commonErrors },
    },
    async (c) => {
      const body = c.req.valid('json')
      const saved = await s.db.tx(async (tx) => {
        const stored = await saveMessagingSettings(s, tx, body)
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'messaging.settings-changed', targetType: 'settings', targetId: 'messaging', details: { fields: Object.keys(body) }, requestId: c.get('requestId') })
        return stored
      })
      return c.json(saved, 200)
    },
  )

  const test = defineRoute(
    {
      method: 'post', path: '/api/v1/messaging/test', access: policies.admins, tags: ['messaging'], summary: 'Send a test message now on a channel, to check its settings',
      request: { body: jsonBody(testSendRequest) },
      responses: {
        200: jsonResponse(z.object({ sent: z.boolean(), error: z.string().nullable() }), 'Whether the server accepted it'),
        404: jsonResponse(errorBody, 'No such channel'), 409: jsonResponse(errorBody, 'The channel is not set up'), 422: jsonResponse(errorBody, 'Not an address of that channel (MESSAGE_ADDRESS_INVALID)'), ...commonErrors,
      },
    },
    async (c) => {
      const { channel: name, to, locale } = c.req.valid('json')
      const settings = await loadMessagingSettings(s, s.db)
      const channel = liveChannels(s.runtime, settings).find((ch) => ch.name === name)
      if (!channel) throw messageErrors.CHANNEL_NOT_FOUND({ channel: name })
      if (!channel.adapter.validAddress(to)) throw messageErrors.ADDRESS_INVALID({ channel: name })
      if (channel.adapter.ready && !channel.adapter.ready(channel.config)) throw messageErrors.CHANNEL_NOT_CONFIGURED({ channel: name })
      const params = locale === 'en' ? { title: 'Rapport test message', body: `Messages from Rapport by ${name} work.` } : { title: 'Rapport 测试消息', body: `Rapport 可以正常通过 ${name} 发送消息。` }
      const texts = renderTemplate('staff.notice', locale, params)
      try {
        await channel.adapter.send({ messageId: `test-${Date.now()}`, to, locale, ...texts, template: 'staff.notice', params: { ...params, link: '' } }, channel.config)
        return c.json({ sent: true, error: null }, 200)
      } catch (err) {
        return c.json({ sent: false, error: scrubError(err) }, 200)
      }
    },
  )
  return [read, write, test]
}
