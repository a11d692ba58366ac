import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { t as col, table } from '@rapport/db'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { digestProfiles } from '../src/profile/profile-digest.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { fxPlugin } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>

const marks = table('tally_marks', { customerId: col.text().primaryKey(), n: col.integer().notNull() })

/** Installed but never enabled: counts orders (times its config's `per`) and mirrors its own table, which only its migration creates. */
const tallyPlugin: PluginDefinition = {
  name: 'fixture-tally', namespace: 'tally', version: '1.0.0', host: '^1',
  config: z.object({ per: z.number().int().min(1).default(1) }),
  tables: [marks],
  profile: {
    orders: { kind: 'integer', label: { en: 'Orders', 'zh-CN': '订单数' } },
    marks: { kind: 'integer', label: { en: 'Marks', 'zh-CN': '标记' } },
  },
  scoring: [{ id: 'count-orders', version: 1, on: 'order.completed', apply: (_e, _p, config) => ({ 'tally.orders': { add: (config as { per: number }).per } }) }],
  async recomputeProfile(customerId, tx) {
    const row = await tx.get<{ n: number }>('SELECT n FROM tally_marks WHERE customer_id = ?', [customerId])
    return row ? { 'tally.marks': { set: Number(row.n) } } : {}
  },
}

/** Twelve customers, 48 orders of varied amounts: totals spread over bronze, silver and gold. */
const orders = (): Json[] =>
  Array.from({ length: 48 }, (_, i) => ({
    id: `o-${i}`, type: 'order.completed', customerExternalId: `crm-${i % 12}`, orderId: `SO-${i}`,
    amountMinor: ((i * 7919) % 9000) + 500 + (i % 12) * 1500, currency: 'CNY',
    occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
  }))

const PLUGINS = [fxPlugin(), tallyPlugin]

/** Everything a preview could leave behind: tables, row counts, profile digest, plugin states. */
async function databaseState(t: TestApp): Promise<Json> {
  const tables = (await t.db.all<{ name: string }>(t.db.dialect === 'sqlite'
    ? "SELECT name FROM sqlite_master WHERE type = 'table' UNION ALL SELECT name FROM sqlite_temp_master WHERE type = 'table' ORDER BY name"
    : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema IN (current_schema(), 'pg_temp') OR table_schema LIKE 'pg_temp%' ORDER BY table_name")).map((r) => r.name)
  const counts: Record<string, number> = {}
  for (const name of ['core_profile_values', 'core_profile_changes', 'core_events', 'core_profile_rebuilds', 'core_audit_log', 'core_migrations']) {
    counts[name] = Number((await t.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name}`))?.n)
  }
  const digest = await digestProfiles(t.db, new Set(['fx', 'tally']))
  const changes = await t.db.all('SELECT seq, customer_id, event_seq, plugin, at, changes FROM core_profile_changes ORDER BY seq')
  const plugins = await t.db.all('SELECT name, enabled, config FROM core_plugins ORDER BY name')
  return { tables, counts, checksum: digest.checksum, changes, plugins }
}

const levels = async (t: TestApp): Promise<Map<string, string>> =>
  new Map((await t.db.all<{ customer_id: string; text_value: string }>("SELECT customer_id, text_value FROM core_profile_values WHERE field = 'fx.level'")).map((r) => [r.customer_id, r.text_value]))

const totals = async (t: TestApp): Promise<Map<string, number>> =>
  new Map((await t.db.all<{ customer_id: string; num_value: number }>("SELECT customer_id, num_value FROM core_profile_values WHERE field = 'fx.total'")).map((r) => [r.customer_id, Number(r.num_value)]))

describe.each(dialects)('rule preview and versioned rebuild on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: PLUGINS, disabled: ['fixture-tally'] }) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    await t.host!.configure('fixture-scoring', {})
    const res = await t.request('POST', '/api/v1/events', { body: { events: orders() } })
    expect((await json(res)).totals.rejected).toBe(0)
  })
  afterAll(() => t.close())

  it('previews a plugin that was never enabled: its rules and migrations run, then everything rolls back', async () => {
    const before = await databaseState(t)
    const res = await t.request('POST', '/api/v1/plugins/fixture-tally/preview', { as: 'admin' })
    expect(res.status).toBe(200)
    const report = await json(res)
    expect(report).toMatchObject({ plugin: 'fixture-tally', customers: 12, changedCustomers: 12, eventsReplayed: 48 })
    expect(report.fields.map((f: Json) => [f.field, f.changed])).toEqual([['tally.orders', 12], ['tally.marks', 0]])
    const examples = report.fields[0].examples
    expect(examples).toHaveLength(5)
    for (const example of examples) expect(example).toEqual({ customerId: expect.any(String), before: null, after: 4 })
    expect(await databaseState(t)).toEqual(before)
    expect(before.tables).not.toContain('tally_marks')
    expect((await json(await t.request('GET', '/api/v1/plugins/fixture-tally'))).state).toBe('disabled')
  })

  it('previews a config change a rule reads, field by field with examples, and stores nothing', async () => {
    const levelsBefore = await levels(t)
    const expected = [...await totals(t)].filter(([, total]) => total >= 300 && total < 500)
    expect(expected.length).toBeGreaterThan(0)
    const before = await databaseState(t)

    const res = await t.request('POST', '/api/v1/plugins/fixture-scoring/preview', { body: { config: { goldAt: 300 } } })
    expect(res.status).toBe(200)
    const report = await json(res)
    const level = report.fields.find((f: Json) => f.field === 'fx.level')
    expect(level.changed).toBe(expected.length)
    expect(report.changedCustomers).toBe(expected.length)
    expect(level.examples.length).toBe(Math.min(5, expected.length))
    for (const example of level.examples) {
      expect(example).toMatchObject({ before: 'silver', after: 'gold' })
      expect(levelsBefore.get(example.customerId)).toBe('silver')
    }
    expect(report.fields.filter((f: Json) => f.field !== 'fx.level').every((f: Json) => f.changed === 0 && f.examples.length === 0)).toBe(true)
    expect(report.fields.map((f: Json) => f.field)).toEqual(['fx.total', 'fx.orders', 'fx.biggest', 'fx.level', 'fx.seen', 'fx.depth', 'fx.vip', 'fx.since', 'fx.note'])

    // The same preview twice: the rolled-back copy table and statements leave nothing in the way.
    expect(await json(await t.request('POST', '/api/v1/plugins/fixture-scoring/preview', { body: { config: { goldAt: 300 } } }))).toEqual(report)
    expect(await databaseState(t)).toEqual(before)
    expect((await json(await t.request('GET', '/api/v1/plugins/fixture-scoring'))).config).toEqual({ goldAt: 500 })
    // Without a body it previews the current config: nothing would change.
    const same = await json(await t.request('POST', '/api/v1/plugins/fixture-scoring/preview'))
    expect(same.changedCustomers).toBe(0)
  })

  it('applies with a versioned rebuild: the config, the values, a numbered record and an audit entry', async () => {
    const preview = await json(await t.request('POST', '/api/v1/plugins/fixture-scoring/preview', { body: { config: { goldAt: 300 } } }))
    const res = await t.request('POST', '/api/v1/plugins/fixture-scoring/rebuild', { as: 'admin', body: { config: { goldAt: 300 } } })
    expect(res.status).toBe(200)
    const rebuild = await json(res)
    expect(rebuild).toMatchObject({
      id: expect.stringMatching(/^rbd_/), plugin: 'fixture-scoring', version: 1, pluginVersion: '1.1.0', configHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      rules: [{ id: 'total-on-order', version: 1 }, { id: 'biggest-order', version: 1 }, { id: 'level-from-total', version: 1 }, { id: 'refund', version: 1 }, { id: 'forget-on-erasure', version: 1 }],
      requestedBy: expect.any(String), report: { customers: 12, changed: preview.changedCustomers },
    })
    expect((await json(await t.request('GET', '/api/v1/plugins/fixture-scoring'))).config).toEqual({ goldAt: 300 })
    const after = await levels(t)
    for (const field of preview.fields.find((f: Json) => f.field === 'fx.level').examples) expect(after.get(field.customerId)).toBe('gold')
    // New orders are scored with the applied config too.
    expect((await json(await t.request('POST', '/api/v1/plugins/fixture-scoring/preview'))).changedCustomers).toBe(0)

    const again = await json(await t.request('POST', '/api/v1/plugins/fixture-scoring/rebuild'))
    expect(again).toMatchObject({ version: 2, configHash: rebuild.configHash, report: { changed: 0 } })
    const rows = await t.db.all<Json>("SELECT version, config_hash FROM core_profile_rebuilds WHERE plugin = 'fixture-scoring' ORDER BY version")
    expect(rows).toEqual([{ version: 1, config_hash: rebuild.configHash }, { version: 2, config_hash: rebuild.configHash }])
    const audit = await json(await t.request('GET', '/api/v1/audit?action=plugin.rebuilt'))
    expect(audit.items.map((e: Json) => e.details.version)).toEqual([2, 1])
  })

  it('enables a plugin that was never enabled and rebuilds it, as its preview showed', { timeout: 60_000 }, async () => {
    const fresh = await createTestApp(dialect, { plugins: PLUGINS, disabled: ['fixture-tally'] })
    try {
      await fresh.request('POST', '/api/v1/events', { body: { events: orders() } })
      const preview = await json(await fresh.request('POST', '/api/v1/plugins/fixture-tally/preview', { body: { config: { per: 2 } } }))
      expect(preview.fields[0].examples[0].after).toBe(8)
      const res = await fresh.request('POST', '/api/v1/plugins/fixture-tally/rebuild', { body: { config: { per: 2 } } })
      expect(res.status).toBe(200)
      expect(await json(res)).toMatchObject({ plugin: 'fixture-tally', version: 1, report: { changed: preview.changedCustomers } })
      expect(await json(await fresh.request('GET', '/api/v1/plugins/fixture-tally'))).toMatchObject({ state: 'active', config: { per: 2 } })
      const id = preview.fields[0].examples[0].customerId
      expect((await fresh.profile(id))['tally.orders']).toBe(8)
    } finally {
      await fresh.close()
    }
  })

  it('refuses an invalid config with 422 naming the field, and changes nothing', async () => {
    const before = await databaseState(t)
    for (const path of ['preview', 'rebuild']) {
      const res = await t.request('POST', `/api/v1/plugins/fixture-scoring/${path}`, { body: { config: { goldAt: 'lots' } } })
      expect(res.status).toBe(422)
      expect((await json(res)).error).toMatchObject({ code: 'PLUGIN_CONFIG_INVALID', details: { plugin: 'fixture-scoring', issues: [{ path: 'goldAt' }] } })
      const shape = await t.request('POST', `/api/v1/plugins/fixture-scoring/${path}`, { body: { goldAt: 300 } })
      expect(shape.status).toBe(400)
      expect((await json(shape)).error.code).toBe('REQUEST_INVALID')
    }
    expect(await databaseState(t)).toEqual(before)
  })

  it('answers 404 for a plugin that is not installed', async () => {
    for (const path of ['preview', 'rebuild']) {
      const res = await t.request('POST', `/api/v1/plugins/nope/${path}`)
      expect(res.status).toBe(404)
      expect((await json(res)).error).toMatchObject({ code: 'PLUGIN_NOT_FOUND', details: { plugin: 'nope' } })
    }
  })

  it('is for owners and admins only', async () => {
    for (const path of ['preview', 'rebuild']) {
      for (const as of ['agent', 'analyst'] as const) {
        const res = await t.request('POST', `/api/v1/plugins/fixture-scoring/${path}`, { as })
        expect(res.status).toBe(403)
        expect((await json(res)).error.code).toBe('AUTH_FORBIDDEN')
      }
      expect((await t.request('POST', `/api/v1/plugins/fixture-scoring/${path}`, { as: 'anonymous' })).status).toBe(401)
    }
    expect(await t.db.get('SELECT COUNT(*) AS n FROM core_profile_rebuilds')).toEqual({ n: 0 })
  })
})
