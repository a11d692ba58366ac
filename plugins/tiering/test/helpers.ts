import type { TestHost } from '@rapport/plugin-sdk/testing'

export const DAY_MS = 86_400_000

/** Emits `order.completed` for a customer; `daysAgo` backdates the order. */
export async function order(host: TestHost, customerId: string, orderId: string, amountMinor: number, daysAgo = 0) {
  const occurredAt = new Date(host.now().getTime() - daysAgo * DAY_MS).toISOString()
  return host.emit('order.completed', customerId, { orderId, amountMinor, currency: 'CNY' }, { occurredAt })
}

/** A new customer with one order per amount, each on its own order id. */
export async function customerWithOrders(host: TestHost, amounts: number[], prefix = 'o') {
  const id = await host.customer()
  for (const [i, amount] of amounts.entries()) await order(host, id, `${prefix}-${id}-${i}`, amount)
  return id
}

/** The customer's events of one type, oldest first. */
export async function eventsOf(host: TestHost, customerId: string, type: string): Promise<Array<{ type: string; payload: any }>> {
  const body = await host.json(await host.http.get(`/api/v1/customers/${customerId}/events?limit=100`))
  return (body.items as Array<{ type: string; payload: any }>).filter((e) => e.type === type).reverse()
}
