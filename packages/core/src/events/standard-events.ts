/**
 * @module
 * The standard event types core accepts on `POST /api/v1/events` and in order imports. One zod
 * strict object per type, shared by the ingestion route, the CSV importer and the OpenAPI document.
 */
import { z } from '@hono/zod-openapi'
import { customerFieldsSchema } from '../customers/customer-store.js'

/** The caller's event id: the idempotency key of the event. @example eventIdSchema.parse('ord-2026-000123') */
export const eventIdSchema = z.string().min(1).max(128).openapi({ description: "The caller's event id; a repeat is reported as a duplicate", example: 'ord-2026-000123' })

/** A customer as the caller's system knows it. Unknown ones are created. @example customerExternalIdSchema.parse('CRM-88012') */
export const customerExternalIdSchema = z.string().trim().min(1).max(128).openapi({ example: 'CRM-88012' })

/** ISO-8601 with an offset (`Z` or `+08:00`); stored as UTC. @example occurredAtSchema.parse('2026-05-01T10:00:00+08:00') */
export const occurredAtSchema = z.iso.datetime({ offset: true }).openapi({ example: '2026-05-01T10:00:00+08:00' })

/** ISO 4217 code, upper case. @example currencySchema.parse('CNY') */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code of 3 upper-case letters').openapi({ example: 'CNY' })

/** Where an order was placed. @example z.enum(ORDER_CHANNELS) */
export const ORDER_CHANNELS = ['store', 'web', 'app', 'wechat', 'phone', 'other'] as const

/** One line of an order. @example orderItemSchema.parse({ sku: 'TEA-1', quantity: 2, unitPriceMinor: 4500 }) */
export const orderItemSchema = z.strictObject({
  sku: z.string().min(1).max(128),
  name: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  quantity: z.int().min(1),
  unitPriceMinor: z.int().min(0),
})

/**
 * `order.completed`: money in integer minor units of `currency`.
 * @example orderCompleted.parse({ id: 'o-1', type: 'order.completed', customerExternalId: 'c-1', orderId: 'o-1', amountMinor: 12900, currency: 'CNY', occurredAt: '2026-05-01T10:00:00+08:00' })
 */
export const orderCompleted = z
  .strictObject({
    id: eventIdSchema,
    type: z.literal('order.completed'),
    customerExternalId: customerExternalIdSchema,
    orderId: z.string().min(1).max(128),
    amountMinor: z.int().min(0),
    currency: currencySchema,
    occurredAt: occurredAtSchema,
    items: z.array(orderItemSchema).max(200).optional(),
    channel: z.enum(ORDER_CHANNELS).optional(),
  })
  .openapi('OrderCompletedEvent')

/**
 * `order.refunded`: `amountMinor` is the refunded amount (> 0).
 * @example orderRefunded.parse({ id: 'r-1', type: 'order.refunded', customerExternalId: 'c-1', orderId: 'o-1', amountMinor: 500, currency: 'CNY', occurredAt: '2026-05-02T10:00:00Z' })
 */
export const orderRefunded = z
  .strictObject({
    id: eventIdSchema,
    type: z.literal('order.refunded'),
    customerExternalId: customerExternalIdSchema,
    orderId: z.string().min(1).max(128),
    amountMinor: z.int().min(1),
    currency: currencySchema,
    occurredAt: occurredAtSchema,
    reason: z.string().max(500).optional(),
  })
  .openapi('OrderRefundedEvent')

/**
 * `customer.updated`: changes applied to the customer profile (at least one field).
 * @example customerUpdated.parse({ id: 'u-1', type: 'customer.updated', customerExternalId: 'c-1', occurredAt: '2026-05-02T10:00:00Z', changes: { locale: 'zh-CN' } })
 */
export const customerUpdated = z
  .strictObject({
    id: eventIdSchema,
    type: z.literal('customer.updated'),
    customerExternalId: customerExternalIdSchema,
    occurredAt: occurredAtSchema,
    changes: customerFieldsSchema.refine((c) => Object.values(c).some((v) => v !== undefined), 'must change at least one field'),
  })
  .openapi('CustomerUpdatedEvent')

/** Every standard event schema, by type. @example standardEvents['order.completed'].safeParse(input) */
export const standardEvents = {
  'order.completed': orderCompleted,
  'order.refunded': orderRefunded,
  'customer.updated': customerUpdated,
} as const

/** A standard event type name. */
export type StandardEventType = keyof typeof standardEvents

/** Any standard event, as sent by a caller. */
export type StandardEvent = z.infer<(typeof standardEvents)[StandardEventType]>

/** True when `type` names a standard event. @example isStandardEventType('order.completed') // true */
export function isStandardEventType(type: unknown): type is StandardEventType {
  return typeof type === 'string' && Object.hasOwn(standardEvents, type)
}
