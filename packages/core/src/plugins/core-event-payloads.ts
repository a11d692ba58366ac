/**
 * @module
 * Payload schemas of the events core publishes itself, as subscribers see them (the customer is the
 * event's `customerId`, the time its `occurredAt`): `customer.updated` as stored, `customer.erased`
 * and the delivery service's `message.*`. {@link EventMap}'s entries for them are these schemas'
 * types, so the two cannot drift, and docs/plugins.md's event catalogue is generated from them.
 * `order.completed` and `order.refunded` are stored as they are sent (standard-events.ts).
 */
import { z } from '@hono/zod-openapi'

const messageIds = {
  messageId: z.string().describe("The delivery log's message id"),
  plugin: z.string().describe('The plugin that asked for it (core for its own)'),
  template: z.string(),
  channel: z.string().optional(),
}

/**
 * By event type. Ids only: never an address, a text, a link or a personal value.
 * @example coreEventPayloads['customer.erased'].parse({ fields: ['name', 'email'] })
 */
export const coreEventPayloads = {
  /** Which customer fields changed; their values stay in the customer store, encrypted where personal. */
  'customer.updated': z.object({ fields: z.array(z.string()) }),
  /** The personal fields the erasure removed. */
  'customer.erased': z.object({ fields: z.array(z.string()) }),
  'message.queued': z.object({ ...messageIds, userId: z.string().optional().describe('A staff recipient') }),
  /** `key` is the sending plugin's own key of the message (`invitation:<id>`), so it can mark its record sent. */
  'message.sent': z.object({ ...messageIds, key: z.string() }),
  'message.failed': z.object({ ...messageIds, key: z.string(), state: z.enum(['failed', 'bounced', 'suppressed']) }),
  'message.unsubscribed': z.object({ channel: z.string() }),
  /** A bulk send started: its after-commit delivery walks the segment, a batch per minute. */
  'message.bulk.started': z.object({ bulkSendId: z.string(), segmentId: z.string(), template: z.string(), channel: z.string() }),
}

/** The payload type of each event core publishes itself. */
export type CoreEventPayloads = { [K in keyof typeof coreEventPayloads]: z.output<(typeof coreEventPayloads)[K]> }
