/**
 * The test kit's event-time checks catch what they are for: a plugin that stamps history with the
 * processing moment differs between a lived and an imported history (compareHosts), and its
 * wall-clock reads inside a handler are recorded (watchWallClock); a plugin that uses the event's
 * time passes both.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createTables, definePlugin, field, rule, t, table, type PluginDefinition } from '../src/index.js'
import { compareHosts, createTestHost, dialects, replayHistory, watchWallClock, type History, type TestHost } from '../src/testing/index.js'

/** Remembers each customer's first order date: `honest` from the event's time, otherwise from the wall clock. */
function firstOrderPlugin(honest: boolean): PluginDefinition {
  const firsts = table('first_orders', { customerId: t.text().primaryKey(), at: t.text().notNull() })
  return definePlugin({
    name: 'first-order', namespace: 'first', version: '1.0.0', host: '^1',
    tables: [firsts],
    migrations: [createTables('0001_init', [firsts])],
    profile: { orders: field.integer(['Orders', '订单数']) },
    scoring: [rule({ id: 'count', version: 1, on: 'order.completed', apply: () => ({ 'first.orders': { add: 1 } }) })],
    setup(ctx) {
      ctx.on('order.completed', async (event, { tx }) => {
        const at = honest ? ctx.now().toISOString() : new Date().toISOString()
        await tx.run('INSERT INTO first_orders (customer_id, at) VALUES (?, ?) ON CONFLICT (customer_id) DO NOTHING', [event.customerId, at])
      }, { id: 'first', phase: 'inTransaction' })
    },
  })
}

const history: History = {
  start: '2025-01-01T00:00:00.000Z',
  end: '2025-03-01T00:00:00.000Z',
  customers: [{ externalId: 'kit-1' }, { externalId: 'kit-2' }],
  orders: [
    { orderId: 'k-2', customerExternalId: 'kit-2', amountMinor: 500, currency: 'CNY', occurredAt: '2025-02-10T09:00:00.000Z' },
    { orderId: 'k-1', customerExternalId: 'kit-1', amountMinor: 900, currency: 'CNY', occurredAt: '2025-01-05T09:00:00.000Z' },
    { orderId: 'k-3', customerExternalId: 'kit-1', amountMinor: 100, currency: 'CNY', occurredAt: '2025-02-20T09:00:00.000Z' },
  ],
}

describe.each(dialects)('the event-time test kit on %s', (dialect) => {
  const hosts: TestHost[] = []
  const livedAndImported = async (honest: boolean) => {
    const plugin = firstOrderPlugin(honest)
    const [live, imported] = [await createTestHost({ plugins: [plugin], dialect }), await createTestHost({ plugins: [plugin], dialect })]
    hosts.push(live, imported)
    const watch = watchWallClock((frame) => frame.includes('event-time-kit.test.ts'))
    try {
      await replayHistory(live, history, 'live')
    } finally {
      watch.stop()
    }
    await replayHistory(imported, history, 'import')
    return { live, imported, reads: watch.reads }
  }
  afterAll(async () => { await Promise.all(hosts.map((h) => h.close())) })

  it('finds nothing to say about a plugin that computes with the event time', async () => {
    const { live, imported, reads } = await livedAndImported(true)
    expect(await compareHosts(live, imported)).toEqual([])
    expect(reads).toEqual([])
    expect(await live.db.all('SELECT at FROM first_orders ORDER BY at')).toEqual([{ at: '2025-01-05T09:00:00.000Z' }, { at: '2025-02-10T09:00:00.000Z' }])
  }, 120_000)

  it('reports the table rows and the wall-clock reads of a plugin that stamps the processing moment', async () => {
    const { live, imported, reads } = await livedAndImported(false)
    const differences = await compareHosts(live, imported)
    expect(differences.filter((d) => d.area === 'table' && d.namespace === 'first').length).toBeGreaterThan(0)
    expect(reads.length).toBe(3)
    expect(reads[0]).toMatchObject({ call: 'new Date()', businessTime: '2025-01-05T09:00:00.000Z' })
  }, 120_000)
})

declare module '../src/index.js' {
  interface ProfileFieldMap { 'first.orders': number }
}
