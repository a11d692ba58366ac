/**
 * Test helpers: orders and refunds as core emits them, and the plugin's routes as HTTP calls.
 */
import type { TestHost } from '@rapport/plugin-sdk/testing'

export const base = '/api/p/points-membership'
export const DAY = 86_400_000

/**
 * Moves the fake clock forward in steps shorter than the 12-hour session idle time, touching the
 * owner's session between steps (the SDK's `advance` does not keep test sessions alive).
 */
export async function travel(host: TestHost, ms: number): Promise<void> {
  const step = 6 * 3_600_000
  for (let left = ms; left > 0; left -= step) {
    host.advance(Math.min(step, left))
    await host.http.get('/api/v1/customers?limit=1')
  }
}

/** An ISO time `days` before the host clock. */
export const daysAgo = (host: TestHost, days: number): string => new Date(host.now().getTime() - days * DAY).toISOString()

let orderCounter = 0
/** Emits `order.completed` (as core would) and returns its order id. */
export async function order(host: TestHost, customerId: string, amountMinor: number, extra: Record<string, unknown> = {}, occurredAt?: string): Promise<string> {
  orderCounter += 1
  const orderId = `o-${orderCounter}-${Math.random().toString(36).slice(2, 8)}`
  await host.emit('order.completed', customerId, { orderId, amountMinor, currency: 'CNY', ...extra }, occurredAt ? { occurredAt } : {})
  return orderId
}

/** Emits `order.refunded`. */
export async function refund(host: TestHost, customerId: string, orderId: string, amountMinor: number, currency = 'CNY') {
  return host.emit('order.refunded', customerId, { orderId, amountMinor, currency })
}

/** `GET /members/{id}` as the owner, parsed. */
export async function member(host: TestHost, customerId: string): Promise<any> {
  const res = await host.http.get(`${base}/members/${customerId}`)
  if (res.status !== 200) throw new Error(`member ${customerId}: ${res.status} ${await res.text()}`)
  return host.json(res)
}

/** `POST /members/{id}/spends` as the owner. */
export const spend = (host: TestHost, customerId: string, points: number, idempotencyKey: string) =>
  host.http.post(`${base}/members/${customerId}/spends`, { points, idempotencyKey })

/** `POST /members/{id}/adjustments` as the owner. */
export const adjust = (host: TestHost, customerId: string, points: number, reason = 'goodwill gesture', idempotencyKey?: string) =>
  host.http.post(`${base}/members/${customerId}/adjustments`, { points, reason, ...(idempotencyKey ? { idempotencyKey } : {}) })

/** A member with `points` available now (through an adjustment). */
export async function memberWith(host: TestHost, points: number): Promise<string> {
  const id = await host.customer()
  await host.http.post(`${base}/members`, { customerId: id })
  if (points > 0) {
    const res = await adjust(host, id, points, 'opening balance')
    if (res.status !== 201) throw new Error(`adjust: ${res.status} ${await res.text()}`)
  }
  return id
}

/** The invariant from the member view: balance = Σ remainders of lots not past their expiry − debt. */
export function invariantHolds(m: { balance: number; debt: number; lots: Array<{ remaining: number; state?: string }> }): boolean {
  return m.balance === m.lots.reduce((n, l) => n + (l.state === 'expired' ? 0 : l.remaining), 0) - m.debt
}

/** The ledger as the member view shows it, to compare before and after a refused request. */
export async function snapshot(host: TestHost, customerId: string) {
  const m = await member(host, customerId)
  return { balance: m.balance, debt: m.debt, lots: m.lots, entries: m.entries.length }
}
