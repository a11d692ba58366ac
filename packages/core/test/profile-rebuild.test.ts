import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { rebuildProfiles } from '../src/profile/rebuild-profiles.js'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'
import { fxPlugin, profileRequester, useFixtureRuntime } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>

/** Counts every order event; a second plugin whose values a rebuild of fx must not touch. */
const counterPlugin: PluginDefinition = {
  name: 'fixture-counter', namespace: 'fxc', version: '1.0.0', host: '^1',
  profile: { events: { kind: 'integer', label: { en: 'Events', 'zh-CN': '事件数' } } },
  scoring: [{ id: 'count', version: 1, on: ['order.completed', 'order.refunded'], apply: () => ({ 'fxc.events': { add: 1 } }) }],
}

/** A deterministic stream of orders and refunds over a few customers. */
function eventStream(n: number): Json[] {
  let seed = 7
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647
  const events: Json[] = []
  for (let i = 0; i < n; i++) {
    const customerExternalId = `crm-${Math.floor(next() * 12)}`
    const occurredAt = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString()
    const amountMinor = Math.floor(next() * 40_000) + 100
    events.push(i % 9 === 8
      ? { id: `r-${i}`, type: 'order.refunded', customerExternalId, orderId: `SO-${i}`, amountMinor: Math.ceil(amountMinor / 4), currency: 'CNY', occurredAt }
      : { id: `o-${i}`, type: 'order.completed', customerExternalId, orderId: `SO-${i}`, amountMinor, currency: 'CNY', occurredAt })
  }
  return events
}

async function ingest(t: TestApp, events: Json[], batch = 50): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    const res = await t.request('POST', '/api/v1/events', { body: { events: events.slice(i, i + batch) } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).totals.rejected).toBe(0)
  }
}

/** Every customer's profile keyed by external id (customer ids differ between databases). */
async function profilesByExternalId(t: TestApp): Promise<Record<string, unknown>> {
  const rows = await t.db.all<{ id: string; external_id: string }>('SELECT id, external_id FROM core_customers ORDER BY external_id')
  const out: Record<string, unknown> = {}
  for (const row of rows) out[row.external_id] = await t.profile(row.id)
  return out
}

describe.each(dialects)('profile determinism and rebuild on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    await useFixtureRuntime(t, [fxPlugin(), counterPlugin])
  })
  afterAll(() => t.close())

  it('gives the same profiles from the same events in two fresh databases', async () => {
    const [a, b] = [await createTestApp(dialect), await createTestApp(dialect)]
    try {
      for (const app of [a, b]) await useFixtureRuntime(app, [fxPlugin(), counterPlugin])
      const events = eventStream(120)
      await ingest(a, events)
      await ingest(b, events, 7)
      const [pa, pb] = [await profilesByExternalId(a), await profilesByExternalId(b)]
      expect(Object.keys(pa).length).toBe(12)
      expect(pa).toEqual(pb)
    } finally {
      await a.close()
      await b.close()
    }
  }, 60_000)

  it('reproduces the same checksum with unchanged rules, and repairs a drifted value', async () => {
    await ingest(t, eventStream(80))
    const before = await profilesByExternalId(t)
    const eventsBefore = await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_events')

    const report = await rebuildProfiles(t.services)
    expect(report).toEqual({ customers: 12, fields: 10, changed: 0, checksumBefore: expect.stringMatching(/^[0-9a-f]{64}$/), checksumAfter: report.checksumBefore })
    expect(await profilesByExternalId(t)).toEqual(before)
    // Replay ran rules only: no subscriber ran (no new event, the mirrored count was recomputed, not added to).
    expect(await t.db.get('SELECT COUNT(*) AS n FROM core_events')).toEqual(eventsBefore)
    const seenBy = (await t.db.get<{ id: string }>("SELECT customer_id AS id FROM core_profile_values WHERE field = 'fx.seen' ORDER BY customer_id LIMIT 1"))!.id
    const seen = (await (await profileRequester(t)(`/api/v1/customers/${seenBy}/explain?field=fx.seen`)).json()) as Json
    expect(seen.changes.map((c: Json) => c.source)).toEqual([{ kind: 'plugin', id: 'recompute', version: null }])

    await t.db.run("UPDATE core_profile_values SET num_value = -1 WHERE field = 'fx.total'")
    const repaired = await rebuildProfiles(t.services, { plugin: 'fixture-scoring' })
    expect(repaired.changed).toBe(12)
    expect(repaired.checksumAfter).not.toBe(repaired.checksumBefore)
    expect(await profilesByExternalId(t)).toEqual(before)
  })

  it('follows a new rule version, leaving the other plugins alone', { timeout: 60_000 }, async () => {
    await ingest(t, eventStream(40))
    const before = await profilesByExternalId(t)
    const counterChanges = await t.db.all("SELECT * FROM core_profile_changes WHERE plugin = 'fixture-counter' ORDER BY seq")

    await useFixtureRuntime(t, [fxPlugin(2), counterPlugin])
    const report = await rebuildProfiles(t.services, { plugin: 'fixture-scoring' })
    expect(report.fields).toBe(9)
    expect(report.checksumAfter).not.toBe(report.checksumBefore)
    expect(report.changed).toBeGreaterThan(0)

    // The rebuilt profiles are what version 2 computes live from the same events.
    const fresh = await createTestApp(dialect)
    try {
      await useFixtureRuntime(fresh, [fxPlugin(2), counterPlugin])
      await ingest(fresh, eventStream(40))
      expect(await profilesByExternalId(t)).toEqual(await profilesByExternalId(fresh))
    } finally {
      await fresh.close()
    }
    const after = await profilesByExternalId(t)
    for (const [externalId, profile] of Object.entries(before) as Array<[string, Json]>) {
      expect((after[externalId] as Json)['fxc.events']).toBe(profile['fxc.events'])
      expect((after[externalId] as Json)['fx.seen']).toBe(profile['fx.seen'])
    }
    expect(await t.db.all("SELECT * FROM core_profile_changes WHERE plugin = 'fixture-counter' ORDER BY seq")).toEqual(counterChanges)

    const [id] = (await t.db.all<{ id: string }>("SELECT customer_id AS id FROM core_profile_values WHERE field = 'fx.total' LIMIT 1")).map((r) => r.id)
    const explained = (await (await profileRequester(t)(`/api/v1/customers/${id}/explain?field=fx.total`)).json()) as Json
    expect(explained.changes.length).toBeGreaterThan(0)
    const byRule = explained.changes.filter((c: Json) => c.source.id === 'total-on-order')
    expect(byRule.length).toBeGreaterThan(0)
    for (const change of byRule) expect(change.source).toEqual({ kind: 'rule', id: 'total-on-order', version: 2 })
    expect(explained.changes.every((c: Json) => c.event !== null)).toBe(true)

    // Back to version 1: the profile is what it was.
    await useFixtureRuntime(t, [fxPlugin(1), counterPlugin])
    await rebuildProfiles(t.services)
    expect(await profilesByExternalId(t)).toEqual(before)
  })

  it('refuses to rebuild a plugin that is not active', async () => {
    await expect(rebuildProfiles(t.services, { plugin: 'nope' })).rejects.toMatchObject({ code: 'PLUGIN_NOT_ACTIVE', status: 404 })
  })
})
