/**
 * @module
 * The load of product.bench.ts: autocannon `setupRequest` giving each request a single
 * `order.completed` batch, as a shop's checkout sends it: a unique order, mostly for an existing
 * demo customer picked at random, about one in ten for a customer never seen before; one to three
 * lines from a small catalogue; the order's time is now.
 */
import { randomInt } from 'node:crypto'

const CATALOGUE = [
  { sku: 'TEA-101', name: '龙井茶', category: 'tea', unitPriceMinor: 12_800 },
  { sku: 'SNA-220', name: '坚果礼盒', category: 'snacks', unitPriceMinor: 8_900 },
  { sku: 'HOM-310', name: 'Ceramic mug', category: 'home', unitPriceMinor: 4_900 },
  { sku: 'BEA-404', name: '面霜', category: 'beauty', unitPriceMinor: 25_900 },
  { sku: 'APP-512', name: 'Cotton shirt', category: 'apparel', unitPriceMinor: 15_900 },
] as const
const CHANNELS = ['store', 'wechat', 'app', 'web'] as const

type Request = { body?: string }

/**
 * @param customers - external ids of existing customers
 * @param newShare - the share of orders for new customers
 * @example requests: [{ method: 'POST', path: '/api/v1/events', setupRequest: orderRequests(ids) }]
 */
export function orderRequests(customers: readonly string[], newShare = 0.1): (request: Request) => Request {
  const run = `${process.pid}-${Date.now().toString(36)}`
  let n = 0
  return function setupRequest(request) {
    n++
    const orderId = `bench-${run}-${n}`
    const customerExternalId = Math.random() < newShare || customers.length === 0 ? `bench-new-${run}-${n}` : customers[randomInt(customers.length)]!
    const items = Array.from({ length: 1 + randomInt(3) }, () => {
      const product = CATALOGUE[randomInt(CATALOGUE.length)]!
      return { ...product, quantity: 1 + randomInt(2) }
    })
    const amountMinor = items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0)
    request.body = JSON.stringify({
      events: [{
        id: orderId, type: 'order.completed', customerExternalId, orderId, amountMinor, currency: 'CNY',
        occurredAt: new Date().toISOString(), channel: CHANNELS[randomInt(CHANNELS.length)], items,
      }],
    })
    return request
  }
}
