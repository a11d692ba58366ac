/**
 * @module
 * The HTTP shapes of the delivery service's routes.
 */
import { z } from '@hono/zod-openapi'
import { TEMPLATE_LOCALES } from './render-template.js'
import { MESSAGE_STATES } from './message-types.js'

/** A message in the delivery log (no address, text or link). @example jsonResponse(messageSchema, 'The message') */
export const messageSchema = z
  .object({
    id: z.string().openapi({ example: 'msg_0mbx3k2a1f3c9e0d2b4a6c8e' }),
    plugin: z.string().openapi({ description: 'Who asked for it: a plugin name, or core' }),
    customerId: z.string().nullable(),
    userId: z.string().nullable().openapi({ description: 'The staff user it is for, when not a customer' }),
    channel: z.string().nullable(),
    template: z.string(),
    state: z.enum(MESSAGE_STATES),
    attempts: z.int(),
    lastError: z.string().nullable().openapi({ description: 'The last failure, or why it was not sent' }),
    locale: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('Message')

/** `GET /api/v1/messages` query. @example request: { query: listMessagesQuery } */
export const listMessagesQuery = z.strictObject({
  customerId: z.string().min(1).max(64).optional(),
  state: z.enum(MESSAGE_STATES).optional(),
  channel: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional().openapi({ description: 'The nextCursor of the previous page' }),
})

/** One page of messages, newest first. */
export const messagePage = z.object({ items: z.array(messageSchema), nextCursor: z.string().nullable() }).openapi('MessagePage')

/** A template as the admin lists it. */
export const templateSchema = z.object({ id: z.string(), params: z.array(z.string()), locales: z.array(z.enum(TEMPLATE_LOCALES)) }).openapi('MessageTemplate')

/** `POST /api/v1/messaging/templates/{id}/preview` body. */
export const previewRequest = z.strictObject({
  locale: z.enum(TEMPLATE_LOCALES),
  params: z.record(z.string().max(64), z.union([z.string().max(2000), z.number()])).default({}),
})

/** A rendered template. */
export const previewSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() }).openapi('MessagePreview')

/** `POST /api/v1/messaging/test` body: a test message to an address (an email, a phone number, an openid, a WeCom UserID) on a channel, to check its settings. */
export const testSendRequest = z.strictObject({ channel: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).default('email'), to: z.string().max(254), locale: z.enum(TEMPLATE_LOCALES).default('zh-CN') })

/** A customer's consent per channel. */
export const consentSchema = z.object({ channel: z.string(), state: z.enum(['granted', 'withdrawn']), source: z.string(), updatedAt: z.string() }).openapi('MessageConsent')
