import type { TestHost } from '@rapport/plugin-sdk/testing'

export const DAY_MS = 86_400_000

/** Emits `order.completed`; `daysAgo` backdates it. */
export const order = (host: TestHost, customerId: string, orderId: string, amountMinor: number, daysAgo = 0) =>
  host.emit('order.completed', customerId, { orderId, amountMinor, currency: 'CNY' }, { occurredAt: new Date(host.now().getTime() - daysAgo * DAY_MS).toISOString() })

/** A customer who ordered every `gap` days, `count` times, the last one today. */
export async function regularCustomer(host: TestHost, count: number, gap: number, amountMinor = 10_000): Promise<string> {
  const id = await host.customer()
  for (let i = count - 1; i >= 0; i--) await order(host, id, `${id}-${i}`, amountMinor, i * gap)
  return id
}

/** The customer's events of one type, oldest first. */
export async function eventsOf(host: TestHost, customerId: string, type: string): Promise<Array<{ type: string; payload: any }>> {
  const body = await host.json(await host.http.get(`/api/v1/customers/${customerId}/events?limit=100`))
  return (body.items as Array<{ type: string; payload: any }>).filter((e) => e.type === type).reverse()
}
