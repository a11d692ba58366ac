import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { createPluginHost } from '../src/plugins/plugin-host.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { brokenPlugin, futurePlugin, hangingPlugin, noPolicyPlugin, notesPlugin, reportsPlugin } from './fixtures/fixture-plugins.js'
import type { PluginDefinition } from '../src/plugins/contract.js'

const boot = async (t: TestApp, plugins: PluginDefinition[]) => {
  const host = createPluginHost(t.services, plugins, { setupTimeoutMs: 300 })
  return { host, report: await host.start() }
}

describe.each(dialects)('plugin host on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [reportsPlugin, brokenPlugin, notesPlugin, hangingPlugin, noPolicyPlugin, futurePlugin] }) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    for (const name of ['notes', 'reports']) await t.host!.enable(name)
  })
  afterAll(async () => { await t.close() })

  it('boots dependencies first and isolates every failing plugin with its coded error', () => {
    expect(t.host!.definitions().map((d) => d.name).indexOf('notes')).toBeLessThan(t.host!.definitions().map((d) => d.name).indexOf('reports'))
    expect(t.bootReport!.plugins).toMatchObject({
      notes: { state: 'active' },
      reports: { state: 'active' },
      broken: { state: 'failed', error: { code: 'PLUGIN_SETUP_FAILED' } },
      hanging: { state: 'failed', error: { code: 'PLUGIN_SETUP_TIMEOUT' } },
      'no-policy': { state: 'failed', error: { code: 'PLUGIN_ROUTE_POLICY_MISSING' } },
      future: { state: 'failed', error: { code: 'PLUGIN_HOST_RANGE', details: { wants: '^2', running: '1.0.0' } } },
    })
  })

  it('shows state, config schema, fields and failures in the API', async () => {
    const res = await t.request('GET', '/api/v1/plugins', { as: 'analyst' })
    expect(res.status).toBe(200)
    const { items } = await json(res)
    const notes = items.find((p: { name: string }) => p.name === 'notes')
    expect(notes).toMatchObject({ state: 'active', enabled: true, version: '1.2.0', config: { maxLength: 100 }, profileFields: [{ field: 'notes.count', kind: 'integer', label: { en: 'Notes', 'zh-CN': '备注数' } }] })
    expect(notes.configSchema.properties.maxLength).toMatchObject({ type: 'integer', maximum: 1000 })
    expect(items.find((p: { name: string }) => p.name === 'broken')).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_SETUP_FAILED', message: expect.stringContaining('missing API token') } })
  })

  it('serves plugin routes under /api/p/<name> with their policies', async () => {
    expect((await t.request('POST', '/api/p/notes/notes', { as: 'agent', body: { id: 'n1', text: 'hello' } })).status).toBe(201)
    expect((await t.request('POST', '/api/p/notes/notes', { as: 'analyst', body: { id: 'n2', text: 'no' } })).status).toBe(403)
    expect((await t.request('GET', '/api/p/notes/notes', { as: 'anonymous' })).status).toBe(401)
    expect(await json(await t.request('GET', '/api/p/notes/notes', { as: 'analyst' }))).toEqual({ items: [{ id: 'n1', text: 'hello' }] })
    expect(await json(await t.request('GET', '/api/p/reports/summary'))).toEqual({ notes: 1 })
    const invalid = await t.request('POST', '/api/p/notes/notes', { body: { id: 3 } })
    expect(invalid.status).toBe(400)
    expect((await json(invalid)).error.code).toBe('REQUEST_INVALID')
  })

  it('turns a throwing handler into a coded 500 for that route only, tagged and rolled back', async () => {
    const res = await t.request('POST', '/api/p/notes/notes/explode')
    expect(res.status).toBe(500)
    const body = await json(res)
    expect(body.error).toMatchObject({ code: 'INTERNAL_ERROR', plugin: 'notes' })
    expect(JSON.stringify(body)).not.toContain('boom')
    expect(await t.db.get("SELECT id FROM notes_items WHERE id = 'half-done'")).toBeUndefined()
    expect((await t.request('GET', '/api/p/notes/notes')).status).toBe(200)
    expect((await t.request('GET', '/api/health', { as: 'anonymous' })).status).toBe(200)
  })

  it('disables and enables without a restart, keeping the data', async () => {
    await t.request('POST', '/api/p/notes/notes', { body: { id: 'kept', text: 'still here' } })
    const refused = await t.request('POST', '/api/v1/plugins/notes/disable', { as: 'admin' })
    expect(refused.status).toBe(409)
    expect((await json(refused)).error).toMatchObject({ code: 'PLUGIN_REQUIRED_BY', details: { requiredBy: ['reports'] } })
    expect((await t.request('POST', '/api/v1/plugins/reports/disable', { as: 'agent' })).status).toBe(403)
    expect((await t.request('POST', '/api/v1/plugins/reports/disable', { as: 'admin' })).status).toBe(200)
    expect((await t.request('POST', '/api/v1/plugins/notes/disable', { as: 'admin' })).status).toBe(200)
    const gone = await t.request('GET', '/api/p/notes/notes')
    expect(gone.status).toBe(404)
    expect((await json(gone)).error.code).toBe('PLUGIN_NOT_ACTIVE')
    const doc = await json(await t.request('GET', '/api/openapi.json', { as: 'anonymous' }))
    expect(Object.keys(doc.paths)).not.toContain('/api/p/notes/notes')
    expect((await t.request('POST', '/api/v1/plugins/notes/enable', { as: 'admin' })).status).toBe(200)
    expect(await json(await t.request('GET', '/api/p/notes/notes'))).toEqual({ items: [{ id: 'kept', text: 'still here' }] })
    const after = await json(await t.request('GET', '/api/openapi.json', { as: 'anonymous' }))
    expect(Object.keys(after.paths)).toContain('/api/p/notes/notes')
    expect(t.routes.some((r) => r.path === '/api/p/notes/notes' && r.method === 'POST')).toBe(true)
  })

  it('validates config before storing it, naming the invalid fields', async () => {
    const bad = await t.request('PUT', '/api/v1/plugins/notes/config', { as: 'admin', body: { maxLength: 5000 } })
    expect(bad.status).toBe(422)
    const body = await json(bad)
    expect(body.error.code).toBe('PLUGIN_CONFIG_INVALID')
    expect(body.error.details.issues[0].path).toBe('maxLength')
    expect(t.host!.status('notes').config).toEqual({ maxLength: 100 })
    const ok = await t.request('PUT', '/api/v1/plugins/notes/config', { as: 'admin', body: { maxLength: 3 } })
    expect(ok.status).toBe(200)
    expect((await json(ok)).config).toEqual({ maxLength: 3 })
    expect(await json(await t.request('POST', '/api/p/notes/notes', { body: { id: 'x', text: 'too long now' } }))).toEqual({ id: 'too-long' })
    await t.request('PUT', '/api/v1/plugins/notes/config', { as: 'admin', body: {} })
  })

  it('keeps enabled state and config across restarts', async () => {
    await t.request('PUT', '/api/v1/plugins/notes/config', { as: 'admin', body: { maxLength: 42 } })
    await t.request('POST', '/api/v1/plugins/reports/disable', { as: 'admin' })
    const { host, report } = await boot(t, [notesPlugin, reportsPlugin])
    expect(report.plugins).toEqual({ notes: { state: 'active' }, reports: { state: 'disabled' } })
    expect(host.status('notes').config).toEqual({ maxLength: 42 })
    t.services.runtime = t.host!.runtime
    await t.request('PUT', '/api/v1/plugins/notes/config', { as: 'admin', body: {} })
  })

  it('answers unknown plugins with 404 and refuses enabling a broken one with its cause', async () => {
    expect((await json(await t.request('GET', '/api/v1/plugins/nope'))).error.code).toBe('PLUGIN_NOT_FOUND')
    expect((await json(await t.request('GET', '/api/p/nope/x'))).error.code).toBe('PLUGIN_NOT_FOUND')
    const res = await t.request('POST', '/api/v1/plugins/future/enable', { as: 'admin' })
    expect(res.status).toBe(409)
    expect((await json(res)).error).toMatchObject({ code: 'PLUGIN_ENABLE_FAILED', details: { error: { code: 'PLUGIN_HOST_RANGE' } } })
  })
})

describe('boot-time definition checks', () => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp('sqlite') }, 60_000)
  afterAll(async () => { await t.close() })

  const base = { version: '1.0.0', host: '^1' }
  it.each([
    [{ ...base, name: 'Bad Name', namespace: 'bad' }, 'PLUGIN_NAME_INVALID'],
    [{ ...base, name: 'core-clash', namespace: 'core' }, 'PLUGIN_NAMESPACE_INVALID'],
    [{ ...base, name: 'bad-version', namespace: 'badVersion', version: 'one' }, 'PLUGIN_VERSION_INVALID'],
    [{ ...base, name: 'needs-ghost', namespace: 'needsGhost', requires: { ghost: '^1' } }, 'PLUGIN_REQUIRES_MISSING'],
    [{ ...base, name: 'needs-new-notes', namespace: 'needsNew', requires: { notes: '^2' } }, 'PLUGIN_REQUIRES_RANGE'],
    [{ ...base, name: 'steals-orders', namespace: 'steals', events: { 'order.completed': {} as never } }, 'PLUGIN_DEFINITION_INVALID'],
    [{ ...base, name: 'off-prefix', namespace: 'offPrefix', eventPrefixes: ['survey'], events: { 'feedback.given': {} as never } }, 'PLUGIN_DEFINITION_INVALID'],
    [{ ...base, name: 'core-prefix', namespace: 'corePrefix', eventPrefixes: ['order'], events: { 'order.shipped': {} as never } }, 'PLUGIN_DEFINITION_INVALID'],
  ] as Array<[PluginDefinition, string]>)('refuses %o with %s', async (def, code) => {
    const { report } = await boot(t, [notesPlugin, def])
    expect(report.plugins[def.name]).toMatchObject({ state: 'failed', error: { code } })
    expect(report.plugins.notes).toEqual({ state: 'active' })
  })

  it('reports duplicate names and duplicate namespaces, isolating them', async () => {
    const twin: PluginDefinition = { ...base, name: 'twin', namespace: 'notes' }
    const { report } = await boot(t, [notesPlugin, twin, { ...notesPlugin }, { ...reportsPlugin, requires: {} }])
    expect(report.plugins.twin).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_DUPLICATE_NAMESPACE' } })
    expect(report.plugins.notes).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_DUPLICATE_NAME' } })
    expect(report.plugins.reports).toEqual({ state: 'active' })
  })

  it('lets a plugin emit under a declared event prefix, which then belongs to it alone', async () => {
    const survey: PluginDefinition = { ...base, name: 'survey-like', namespace: 'satisfactionLike', eventPrefixes: ['survey'], events: { 'survey.response.completed': z.object({}) } }
    const squatter: PluginDefinition = { ...base, name: 'squatter', namespace: 'survey' }
    const { report } = await boot(t, [notesPlugin, survey, squatter])
    expect(report.plugins['survey-like']).toEqual({ state: 'active' })
    expect(report.plugins.squatter).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_DUPLICATE_NAMESPACE' } })
  })

  it('refuses a dependency cycle: both plugins are required by an enabled plugin, so the boot stops', async () => {
    const a: PluginDefinition = { ...base, name: 'cycle-a', namespace: 'cycleA', requires: { 'cycle-b': '^1' } }
    const b: PluginDefinition = { ...base, name: 'cycle-b', namespace: 'cycleB', requires: { 'cycle-a': '^1' } }
    await expect(boot(t, [notesPlugin, a, b])).rejects.toMatchObject({
      code: 'HOST_BOOT_FAILED',
      details: { failures: [{ plugin: 'cycle-a', code: 'PLUGIN_DEPENDENCY_CYCLE' }, { plugin: 'cycle-b', code: 'PLUGIN_DEPENDENCY_CYCLE' }] },
    })
  })

  it('stops the boot when a required plugin fails, listing every failure', async () => {
    await expect(boot(t, [{ ...brokenPlugin, required: true }, notesPlugin])).rejects.toMatchObject({
      code: 'HOST_BOOT_FAILED', details: { failures: [{ plugin: 'broken', code: 'PLUGIN_SETUP_FAILED' }] },
    })
    await expect(boot(t, [{ ...brokenPlugin, name: 'base', namespace: 'base' }, { ...reportsPlugin, name: 'needs-base', namespace: 'needsBase', requires: { base: '^1' } }])).rejects.toMatchObject({ code: 'HOST_BOOT_FAILED' })
  })
})
