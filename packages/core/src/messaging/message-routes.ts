/**
 * @module
 * The delivery log: `GET /api/v1/messages` (newest first, by customer, state and channel) and
 * `GET /api/v1/messages/{id}`, for owners, admins and agents (an agent reads a customer's messages
 * beside the timeline). Neither shows an address, a text or a link.
 */
import { z } from '@hono/zod-openapi'
import type { SqlValue } from '@rapport/db'
import { decodeCursor, encodeCursor } from '../customers/cursor.js'
import { messageErrors } from '../errors/index.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { toMessage, type MessageRow } from './message-row.js'
import { listMessagesQuery, messagePage, messageSchema } from './message-schemas.js'

/** Who reads the delivery log. */
export const MESSAGE_READERS = { roles: ['owner', 'admin', 'agent'] } as const
const SORT = 'messages:-createdAt'

/** @example const routes = [...messageRoutes(s)] */
export function messageRoutes(s: CoreServices) {
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/messages', access: MESSAGE_READERS, tags: ['messaging'], summary: 'The delivery log: messages newest first',
      request: { query: listMessagesQuery }, responses: { 200: jsonResponse(messagePage, 'One page of messages'), ...commonErrors },
    },
    async (c) => {
      const { customerId, state, channel, limit, cursor } = c.req.valid('query')
      const after = cursor === undefined ? undefined : decodeCursor(cursor, SORT)
      const where: string[] = []
      const params: SqlValue[] = []
      const add = (sql: string, ...values: SqlValue[]) => { where.push(sql); params.push(...values) }
      if (customerId !== undefined) add('customer_id = ?', customerId)
      if (state !== undefined) add('state = ?', state)
      if (channel !== undefined) add('channel = ?', channel)
      if (after) add('(created_at < ? OR (created_at = ? AND id < ?))', String(after.key), String(after.key), after.id)
      const rows = await s.db.all<MessageRow>(`SELECT * FROM core_messages${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`, [...params, limit + 1])
      const items = rows.slice(0, limit).map(toMessage)
      const last = items[items.length - 1]
      return c.json({ items, nextCursor: rows.length > limit && last ? encodeCursor(SORT, { key: last.createdAt, id: last.id }) : null }, 200)
    },
  )

  const one = defineRoute(
    {
      method: 'get', path: '/api/v1/messages/{id}', access: MESSAGE_READERS, tags: ['messaging'], summary: 'One message of the delivery log',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 200: jsonResponse(messageSchema, 'The message'), 404: jsonResponse(errorBody, 'Unknown message'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const row = await s.db.get<MessageRow>('SELECT * FROM core_messages WHERE id = ?', [id])
      if (!row) throw messageErrors.NOT_FOUND({ messageId: id })
      return c.json(toMessage(row), 200)
    },
  )
  return [list, one]
}
