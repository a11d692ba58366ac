import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PluginDefinition, ProfileSnapshot } from '../src/plugins/contract.js'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'
import { fxPlugin, useFixtureRuntime } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>
const label = (en: string) => ({ en, 'zh-CN': en })

/**
 * A plugin whose subscriber reads the profile around its own writes in the event's transaction:
 * one kept, one in a savepoint it rolls back (and catches), one a rule of another plugin made.
 */
function watcherPlugin(seen: ProfileSnapshot[]): PluginDefinition {
  return {
    name: 'fixture-watcher', namespace: 'watch', version: '1.0.0', host: '^1',
    profile: { count: { kind: 'integer', label: label('Count') }, mark: { kind: 'string', label: label('Mark') } },
    setup(ctx) {
      ctx.on('order.completed', async (event, { tx }) => {
        const id = event.customerId!
        seen.push(await ctx.readProfile(id, tx))
        await ctx.updateProfile(tx, id, { 'watch.count': { add: 1 } }, { id: 'count', eventSeq: event.seq })
        seen.push(await ctx.readProfile(id, tx))
        await ctx.db.tx(async (sp) => {
          await ctx.updateProfile(sp, id, { 'watch.count': { add: 100 }, 'watch.mark': { set: 'undone' } }, { id: 'undone', eventSeq: event.seq })
          throw new Error('roll this savepoint back')
        }).catch(() => {})
        seen.push(await ctx.readProfile(id, tx))
      }, { id: 'watch', phase: 'inTransaction' })
    },
  }
}

describe.each(dialects)('profile reads within one transaction on %s', (dialect) => {
  let t: TestApp
  const seen: ProfileSnapshot[] = []
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    seen.length = 0
    await useFixtureRuntime(t, [fxPlugin(), watcherPlugin(seen)])
  })
  afterAll(() => t.close())

  const customer = async (externalId: string): Promise<string> => {
    const res = await t.request('POST', '/api/v1/customers', { body: { externalId } })
    expect(res.status).toBe(201)
    return ((await res.json()) as Json).id
  }
  const order = (customerId: string, key: string, amountMinor: number) =>
    t.emit('order.completed', customerId, { orderId: key, amountMinor, currency: 'CNY' }, { key })

  it('see the rules\' changes, their own writes, and not what a rolled-back savepoint wrote', async () => {
    const id = await customer('memo-1')
    await order(id, 'o-1', 12_000)
    await order(id, 'o-2', 50_000)
    const watched = seen.map((p) => [p['fx.total'], p['watch.count'], p['watch.mark']])
    expect(watched).toEqual([
      [120, undefined, undefined], [120, 1, undefined], [120, 1, undefined],
      [620, 1, undefined], [620, 2, undefined], [620, 2, undefined],
    ])
    expect(await t.profile(id)).toMatchObject({ 'fx.total': 620, 'watch.count': 2 })
    expect(await t.profile(id)).not.toHaveProperty('watch.mark')
  })

  it('see what the database holds when several events of one customer share a transaction', async () => {
    const id = await customer('memo-2')
    await t.services.db.tx(async () => {
      await order(id, 'g-1', 10_000)
      await order(id, 'g-2', 10_000)
      await order(id, 'g-3', 10_000)
    })
    expect(seen.filter((_, i) => i % 3 === 2).map((p) => [p['fx.total'], p['watch.count']])).toEqual([[100, 1], [200, 2], [300, 3]])
    expect(await t.profile(id)).toMatchObject({ 'fx.total': 300, 'watch.count': 3, 'fx.orders': 3 })
  })
})
