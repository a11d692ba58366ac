/**
 * A small plugin written only against the SDK, as a third party would: it keeps each
 * customer's order count and lifetime spend from `order.completed`, marks big spenders, and
 * serves a summary route.
 */
import { type ContractProfile, defineContract, definePlugin, defineRoute, field, jsonResponse, policies, ruleOf, z } from '../src/index.js'

/** What other plugins may rely on: its profile fields (a published plugin exports this as `./contract`). */
export const contract = defineContract({
  name: 'order-stats', namespace: 'orderStats',
  profile: {
    orders: field.integer(['Orders', '订单数']),
    spentMinor: field.integer(['Lifetime spend (minor units)', '累计消费（分）']),
    bigSpender: field.boolean(['Big spender', '高消费客户']),
  },
})

declare module '../src/index.js' {
  interface ProfileFieldMap extends ContractProfile<typeof contract> {}
}

/** Rules that may change only this plugin's fields, with their value types. */
const rule = ruleOf(contract)

export const countOrders = rule({
  id: 'count-orders', version: 1, on: 'order.completed',
  apply: () => ({ 'orderStats.orders': { add: 1 } }),
})

export const lifetimeSpend = rule({
  id: 'lifetime-spend', version: 1, on: 'order.completed',
  apply: (e) => ({ 'orderStats.spentMinor': { add: e.payload.amountMinor } }),
})

/** Reads the profile after the two rules above (rules run in order, each sees the previous). */
export const bigSpender = rule({
  id: 'big-spender', version: 1, on: 'order.completed',
  apply: (_e, profile, config: { thresholdMinor: number }) =>
    ({ 'orderStats.bigSpender': { set: Number(profile['orderStats.spentMinor'] ?? 0) >= config.thresholdMinor } }),
})

export const orderStats = definePlugin({
  ...contract, version: '1.0.0', host: '^1',
  config: z.object({ thresholdMinor: z.number().int().positive().default(100_000) }),
  scoring: [countOrders, lifetimeSpend, bigSpender],
  setup(ctx) {
    ctx.route(defineRoute(
      {
        method: 'get', path: '/customers/{customerId}', access: policies.staffRead('customers:read'),
        request: { params: z.object({ customerId: z.string() }) },
        responses: { 200: jsonResponse(z.object({ orders: z.number(), spentMinor: z.number(), bigSpender: z.boolean() }), 'Order stats') },
      },
      async (c) => {
        const profile = await ctx.readProfile(c.req.valid('param').customerId)
        return c.json({ orders: Number(profile['orderStats.orders'] ?? 0), spentMinor: Number(profile['orderStats.spentMinor'] ?? 0), bigSpender: profile['orderStats.bigSpender'] === true }, 200)
      },
    ))
  },
})
