import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { definePlugin, field, rule, z } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import { config } from '../server/config.js'
import tiering from '../server/index.js'
import { holds, ladderStep } from '../server/scoring/ladder-step.js'
import { eventsOf, order } from './helpers.js'

const defaults = config.parse({})

describe('ladder criteria as tables', () => {
  it.each([
    [{ field: 'tiering.orders', op: 'gte', value: 3 }, { 'tiering.orders': 3 }, true],
    [{ field: 'tiering.orders', op: 'gt', value: 3 }, { 'tiering.orders': 3 }, false],
    [{ field: 'tiering.orders', op: 'lt', value: 3 }, {}, false],
    [{ field: 'points.balance', op: 'lte', value: 10 }, { 'points.balance': '5' }, false],
    [{ field: 'satisfaction.npsCategory', op: 'eq', value: 'promoter' }, { 'satisfaction.npsCategory': 'promoter' }, true],
    [{ field: 'satisfaction.npsCategory', op: 'ne', value: 'promoter' }, { 'satisfaction.npsCategory': null }, false],
    [{ field: 'tiering.segment', op: 'in', value: ['loyal', 'champions'] }, { 'tiering.segment': 'loyal' }, true],
    [{ field: 'complaints.open', op: 'exists' }, { 'complaints.open': 0 }, true],
    [{ field: 'complaints.open', op: 'lte', value: 0, missing: 'holds' }, {}, true],
    [{ field: 'complaints.open', op: 'lte', value: 0, missing: 'holds' }, { 'complaints.open': 1 }, false],
    [{ field: 'complaints.open', op: 'lte', value: 0 }, {}, false],
  ] as const)('%j on %j holds: %s', (criterion, profile, expected) => {
    expect(holds(criterion as never, profile as never)).toBe(expected)
  })

  it.each([
    [{}, 'prospect'],
    [{ 'tiering.orders': 1 }, 'firstTime'],
    [{ 'tiering.orders': 4, 'tiering.segment': 'new' }, 'regular'],
    [{ 'points.memberSince': '2026-01-01' }, 'possible'],
    [{ 'satisfaction.responses': 1 }, 'possible'],
    [{ 'tiering.orders': 6, 'tiering.tier': 'silver' }, 'regular'],
    [{ 'tiering.orders': 2, 'tiering.tier': 'silver', 'satisfaction.avgCsat': 4.5 }, 'supporter'],
    [{ 'tiering.orders': 2, 'tiering.tier': 'diamond', 'satisfaction.lastNps': 7, 'complaints.open': 0 }, 'supporter'],
    [{ 'tiering.orders': 4, 'tiering.tier': 'silver', 'satisfaction.avgCsat': 5, 'complaints.open': 1 }, 'regular'],
    [{ 'tiering.orders': 4, 'tiering.tier': 'bronze', 'satisfaction.avgCsat': 5 }, 'regular'],
    [{ 'tiering.orders': 2, 'tiering.tier': 'silver', 'satisfaction.lastNps': 9 }, 'advocate'],
    [{ 'tiering.orders': 3, 'tiering.tier': 'silver', 'satisfaction.lastNps': 10, 'complaints.open': 2 }, 'regular'],
    // A satisfied supporter whose referral brought a customer (points-membership) is an advocate too.
    [{ 'tiering.orders': 2, 'tiering.tier': 'silver', 'satisfaction.avgCsat': 4.5, 'points.referrals': 1 }, 'advocate'],
    [{ 'tiering.orders': 2, 'tiering.tier': 'silver', 'satisfaction.avgCsat': 4.5, 'points.referrals': 0 }, 'supporter'],
    [{ 'tiering.orders': 2, 'tiering.tier': 'bronze', 'points.referrals': 3 }, 'firstTime'],
  ] as const)('the default ladder puts %j on %s', (profile, step) => {
    expect(ladderStep(profile, defaults.ladder).step).toBe(step)
  })
})

/** Stands in for a survey plugin: it owns `probe.nps`, set by its own event. */
const probe = definePlugin({
  name: 'nps-probe', namespace: 'probe', version: '1.0.0', host: '^1',
  profile: { nps: field.integer(['NPS', '净推荐值']) },
  events: { 'probe.surveyed': z.object({ nps: z.number().int() }) },
  scoring: [rule({ id: 'nps', version: 1, on: 'probe.surveyed', apply: (e) => ({ 'probe.nps': { set: Number(e.payload.nps) } }) })],
})

describe.each(dialects)('the ladder on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [probe, tiering], dialect }) }, 60_000)
  beforeEach(async () => { await host.reset(); await host.http.put('/api/v1/plugins/tiering/config', {}) })
  afterAll(() => host.close())

  it('climbs 顾客 → 常客 with orders and emits ladder.changed', async () => {
    const id = await host.customer()
    for (let i = 0; i < 3; i++) await order(host, id, `o${i}`, 10_000)
    expect((await host.profile(id))['tiering.ladder']).toBe('regular')
    expect((await eventsOf(host, id, 'ladder.changed')).map((e) => e.payload)).toEqual([
      { from: null, to: 'firstTime', reason: 'tiering.orders gte 1' },
      { from: 'firstTime', to: 'regular', reason: 'tiering.orders gte 3' },
    ])
  })

  it('uses another plugin\'s field in its criteria', async () => {
    await host.http.put('/api/v1/plugins/tiering/config', { ladder: { advocate: [{ field: 'probe.nps', op: 'gte', value: 9 }] } })
    const id = await host.customer()
    await host.emit('probe.surveyed', id, { nps: 10 })
    await order(host, id, 'o1', 10_000)
    expect((await host.profile(id))['tiering.ladder']).toBe('advocate')
  })

  it('counts the funnel per step and cumulatively', async () => {
    for (const orders of [1, 1, 3]) {
      const id = await host.customer()
      for (let i = 0; i < orders; i++) await order(host, id, `${id}-${i}`, 10_000)
    }
    const body = await host.json(await host.as('analyst').get('/api/p/tiering/funnel'))
    expect(body.steps.map(({ label: _label, ...rest }: { label: unknown }) => rest)).toEqual([
      { step: 'prospect', count: 0, reached: 3, conversion: null }, { step: 'possible', count: 0, reached: 3, conversion: 1 },
      { step: 'firstTime', count: 2, reached: 3, conversion: 1 }, { step: 'regular', count: 1, reached: 1, conversion: 0.3333 },
      { step: 'supporter', count: 0, reached: 0, conversion: 0 }, { step: 'advocate', count: 0, reached: 0, conversion: null },
    ])
    expect(body.steps[3].label).toEqual({ en: 'Regular', 'zh-CN': '常客' })
  })

  it('refuses an unknown tiering field in a criterion with 422, config unchanged', async () => {
    const res = await host.http.put('/api/v1/plugins/tiering/config', { ladder: { regular: [{ field: 'tiering.orderz', op: 'gte', value: 3 }] } })
    expect(res.status).toBe(422)
    const { error } = await host.json(res)
    expect(error.details.issues).toContainEqual({ path: 'ladder.regular.0.field', message: 'Unknown field tiering.orderz' })
    const stored = (await host.json(await host.http.get('/api/v1/plugins/tiering'))).config
    expect(stored.ladder.regular).toEqual([{ field: 'tiering.orders', op: 'gte', value: 3, missing: 'fails' }])
  })
})

declare module '@rapport/plugin-sdk' {
  interface EventMap { 'probe.surveyed': { nps: number } }
  interface ProfileFieldMap { 'probe.nps': number }
}
