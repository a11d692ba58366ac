/**
 * @module
 * Plays a shop's history into a test host, the two ways a shop gets it: `live`, one order at a
 * time through `POST /api/v1/events` with the fake clock moved to each order's time and the
 * scheduled jobs run at their slots in between; `import`, every order at once through
 * `POST /api/v1/imports/orders` (oldest first, in batches, the jobs replayed by the host). The event-time
 * contract says both leave the same state: compare them with {@link compareHosts}.
 */
import { createJobReplay } from '@rapport/core'
import type { TestHost } from './create-test-host.js'

/** One order of the history: a row of the order CSV. */
export type HistoryOrder = { orderId: string; customerExternalId: string; amountMinor: number; currency: string; occurredAt: string; channel?: string }

/** One customer, created before the orders: a row of the customer CSV. */
export type HistoryCustomer = { externalId: string; name?: string; birthday?: string }

/** A history: customers, then orders (any order: they are played oldest first). */
export type History = { customers: readonly HistoryCustomer[]; orders: readonly HistoryOrder[]; start: string; end: string }

/**
 * Plays `history` into `host`. The customers are imported at `start`; orders follow as `via` says;
 * at the end the clock is at `end` and every job slot up to `end` has run.
 * @param host - a fresh test host with the plugins under test
 * @param history - customers, orders and the stretch of time [start, end]
 * @param via - `live` (one order a request, jobs at their slots) or `import` (the order import)
 * @example
 * await replayHistory(live, history, 'live')
 * await replayHistory(imported, history, 'import')
 * expect(await compareHosts(live, imported)).toEqual([])
 */
export async function replayHistory(host: TestHost, history: History, via: 'live' | 'import'): Promise<void> {
  host.setTime(history.start)
  // An API key, not a session: a session expires while the clock jumps through months.
  const caller = { apiKey: await host.apiKey(['customers:write', 'events:write', 'imports:write']) }
  const send = async (path: string, csv: string) => {
    const res = await host.postRaw(path, csv, 'text/csv', caller)
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
  }
  if (history.customers.length > 0) await send('/api/v1/imports/customers', customersCsv(history.customers))
  const orders = [...history.orders].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
  if (via === 'import') {
    host.setTime(history.end)
    if (orders.length > 0) await send('/api/v1/imports/orders', ordersCsv(orders))
    return
  }
  // One replay of the schedules for the whole history (not one per order): the same slots run, and
  // each job's cron is parsed once instead of before every order. After each order the jobs that
  // said they were idle are woken, as a new replay would run them.
  const jobs = createJobReplay(host.services, history.start)
  for (const order of orders) {
    host.setTime(order.occurredAt)
    await jobs.runThrough(order.occurredAt)
    const { orderId, customerExternalId, amountMinor, currency, occurredAt, channel } = order
    const event = { id: `order.completed:${orderId}`, type: 'order.completed', orderId, customerExternalId, amountMinor, currency, occurredAt, ...(channel ? { channel } : {}) }
    const res = await host.as(caller).post('/api/v1/events', { events: [event] })
    const body = await host.json(res)
    if (res.status !== 200 || body.totals?.accepted !== 1) throw new Error(`order ${orderId} was not accepted: ${res.status} ${JSON.stringify(body)}`)
    jobs.eventsWritten()
  }
  host.setTime(history.end)
  await jobs.runThrough(history.end)
}

const cell = (value: string | number | undefined) => (value === undefined ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value))

function customersCsv(customers: readonly HistoryCustomer[]): string {
  return ['externalId,name,birthday', ...customers.map((c) => [c.externalId, c.name, c.birthday].map(cell).join(','))].join('\n')
}

function ordersCsv(orders: readonly HistoryOrder[]): string {
  const rows = orders.map((o) => [o.orderId, o.customerExternalId, o.amountMinor, o.currency, o.occurredAt, o.channel].map(cell).join(','))
  return ['orderId,customerExternalId,amountMinor,currency,occurredAt,channel', ...rows].join('\n')
}
