/**
 * @module
 * A fixture plugin for fault injection, `flaky`: a scoring rule adds each order's amount to
 * `flaky.spent`, and a catch-up subscriber records each order in `flaky_orders`, mirrored as
 * `flaky.orders`. Its broken version fails on marked orders: the rule throws (`poison-throw…`),
 * returns an invalid change (`poison-invalid…`) or changes an undeclared field (`poison-unknown…`),
 * and the subscriber throws after writing (`poison-sub…`). The healthy version, installed after a
 * "fix", takes every order. `fragile` fails on every order, refund and customer update.
 */
import { defineRoute, jsonResponse, policies, type PluginDefinition, type RapportEvent } from '@rapport/core'
import { t as column, table } from '@rapport/db'
import { z } from '@rapport/plugin-sdk'

const flakyOrders = table('flaky_orders', { orderId: column.text().primaryKey(), customerId: column.text().notNull() })
const COUNT = 'SELECT COUNT(*) AS n FROM flaky_orders WHERE customer_id = ?'
const label = (en: string, zh: string) => ({ en, 'zh-CN': zh })
const orderOf = (event: RapportEvent) => event.payload as { orderId: string; amountMinor: number }

/**
 * @example installed = [...installedPlugins, flakyPlugin({ healthy: false })]
 */
export function flakyPlugin({ healthy }: { healthy: boolean }): PluginDefinition {
  const poisoned = (event: RapportEvent, how: 'throw' | 'invalid' | 'unknown' | 'sub') => !healthy && orderOf(event).orderId.startsWith(`poison-${how}`)
  return {
    name: 'flaky', namespace: 'flaky', version: healthy ? '1.1.0' : '1.0.0', host: '^1', tables: [flakyOrders],
    profile: { spent: { kind: 'integer', label: label('Spent', '消费') }, orders: { kind: 'integer', label: label('Orders', '订单') } },
    scoring: [{
      id: 'spend', version: 1, on: 'order.completed',
      apply: (event) => {
        if (poisoned(event, 'throw')) throw new Error('spend rule exploded on a poisoned order')
        if (poisoned(event, 'invalid')) return { 'flaky.spent': { add: 'lots' } } as never
        if (poisoned(event, 'unknown')) return { 'flaky.nope': { set: 1 } } as never
        return { 'flaky.spent': { add: orderOf(event).amountMinor } } as never
      },
    }],
    setup(ctx) {
      ctx.on('order.completed', async (event, { tx, catchUp }) => {
        await tx.run('INSERT INTO flaky_orders (order_id, customer_id) VALUES (?, ?) ON CONFLICT (order_id) DO NOTHING', [orderOf(event).orderId, event.customerId])
        if (poisoned(event, 'sub')) throw new Error('subscriber exploded after writing')
        // During a catch-up, recomputeProfile sets the count once per customer.
        if (!catchUp) await ctx.updateProfile(tx, event.customerId!, { 'flaky.orders': { set: Number((await tx.get<{ n: number }>(COUNT, [event.customerId]))!.n) } } as never, { id: 'record-order', eventSeq: event.seq })
      }, { id: 'record-order', phase: 'inTransaction', catchUp: true })
      ctx.route(defineRoute(
        { method: 'get', path: '/orders', access: policies.staffRead(), responses: { 200: jsonResponse(z.object({ count: z.number() }), 'Orders recorded') } },
        async (c) => c.json({ count: Number((await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM flaky_orders'))!.n) }, 200),
      ))
    },
    async recomputeProfile(customerId, tx) {
      return { 'flaky.orders': { set: Number((await tx.get<{ n: number }>(COUNT, [customerId]))!.n) } } as never
    },
  }
}

/**
 * Fails on every order, refund and customer update: its rule throws, and its in-transaction
 * subscriber writes, then throws. Next to the real plugins, no request may answer 5xx because of it.
 * @example createFullApp('sqlite', { also: [fragilePlugin], hostOptions: { failurePolicy: { limit: Number.MAX_SAFE_INTEGER, windowMinutes: 60 } } })
 */
export const fragilePlugin: PluginDefinition = {
  name: 'fragile', namespace: 'fragile', version: '1.0.0', host: '^1', tables: [table('fragile_seen', { eventId: column.text().primaryKey() })],
  profile: { seen: { kind: 'integer', label: label('Seen', '已见') } },
  scoring: [{ id: 'always-throws', version: 1, on: ['order.completed', 'order.refunded', 'customer.updated'], apply: () => { throw new Error('fragile rule always throws') } }],
  setup(ctx) {
    for (const type of ['order.completed', 'order.refunded', 'customer.updated'] as const) {
      ctx.on(type, async (event, { tx }) => {
        await tx.run('INSERT INTO fragile_seen (event_id) VALUES (?)', [event.id])
        throw new Error('fragile subscriber always throws')
      }, { id: `always-throws:${type}`, phase: 'inTransaction' })
    }
  },
}
