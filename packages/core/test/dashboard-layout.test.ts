/**
 * Each user's dashboard layout (widget order and hidden widgets), stored on the server, and the
 * dashboard's period-over-period load: each widget again for the previous range of equal length.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

/** A widget echoing the range it was given. */
const echoPlugin: PluginDefinition = {
  name: 'scope-echo', namespace: 'scopeEcho', version: '1.0.0', host: '^1',
  dashboard: { scope: { title: { en: 'Scope', 'zh-CN': '范围' }, load: async (_ctx, scope) => ({ from: scope.from, to: scope.to }) } },
}

const layout = { widgets: [{ plugin: 'tiering', id: 'tiers', hidden: true }, { plugin: 'scope-echo', id: 'scope', hidden: false }] }

describe.each(dialects)('dashboard layout on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [echoPlugin] }) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  it('keeps each user their own arrangement', async () => {
    expect(await json(await t.request('GET', '/api/v1/dashboard/layout', { as: 'agent' }))).toEqual({ widgets: [], updatedAt: null })
    const saved = await t.request('PUT', '/api/v1/dashboard/layout', { as: 'agent', body: layout })
    expect(saved.status).toBe(200)
    expect(await json(await t.request('GET', '/api/v1/dashboard/layout', { as: 'agent' }))).toEqual({ ...layout, updatedAt: '2026-06-01T08:00:00.000Z' })
    // Another user's dashboard is untouched; a second save replaces the first.
    expect((await json(await t.request('GET', '/api/v1/dashboard/layout', { as: 'analyst' }))).widgets).toEqual([])
    await t.request('PUT', '/api/v1/dashboard/layout', { as: 'agent', body: { widgets: [{ plugin: 'scope-echo', id: 'scope' }] } })
    expect((await json(await t.request('GET', '/api/v1/dashboard/layout', { as: 'agent' }))).widgets).toEqual([{ plugin: 'scope-echo', id: 'scope', hidden: false }])
  })

  it('refuses a widget listed twice, callers without a user, and anonymous callers', async () => {
    const twice = await t.request('PUT', '/api/v1/dashboard/layout', { body: { widgets: [layout.widgets[1], layout.widgets[1]] } })
    expect(twice.status).toBe(400)
    expect((await json(twice)).error.code).toBe('REQUEST_INVALID')
    expect((await t.request('GET', '/api/v1/dashboard/layout', { as: 'anonymous' })).status).toBe(401)
    expect((await t.request('GET', '/api/v1/dashboard/layout', { as: { apiKey: await t.apiKey(['customers:read']) } })).status).toBe(403)
  })

  it('loads each widget for the previous range of equal length when asked', async () => {
    const body = await json(await t.request('GET', '/api/v1/dashboard?from=2026-05-01&to=2026-05-31&compare=previous'))
    // Shanghai days: May 1–31 is 31 days, so the previous range is March 31 – April 30.
    expect(body.previousRange).toEqual({ from: '2026-03-30T16:00:00.000Z', to: '2026-04-30T16:00:00.000Z' })
    const widget = body.widgets.find((w: { plugin: string }) => w.plugin === 'scope-echo')
    expect(widget.data).toEqual({ from: '2026-04-30T16:00:00.000Z', to: '2026-05-31T16:00:00.000Z' })
    expect(widget.previous).toEqual(body.previousRange)
    expect((await json(await t.request('GET', '/api/v1/dashboard?from=2026-05-01&to=2026-05-31'))).widgets[0].previous).toBeUndefined()
  })
})
