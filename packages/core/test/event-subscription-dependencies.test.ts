/**
 * Subscribing to another plugin's event (with `ctx.on` or a scoring rule) is allowed only when that
 * plugin is named in `requires` or `optional` (or names the listener itself), as `ctx.use` of its extension points is: otherwise
 * the listener fails to boot with PLUGIN_EVENT_UNDECLARED naming both plugins, and the other
 * plugins keep serving. Core's standard events and event types from config are not checked.
 * The check reads definitions only: one dialect.
 */
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, type TestApp } from '../testing/test-app.js'

const emitter: PluginDefinition = { name: 'emitter', namespace: 'emitter', version: '1.0.0', host: '^1', optional: { named: '^1' }, events: { 'emitter.happened': z.object({}) } }
const plain = (name: string, extra: Partial<PluginDefinition>): PluginDefinition => ({ name, namespace: name.replace('-', ''), version: '1.0.0', host: '^1', ...extra })
const listens = (fromConfig?: true): PluginDefinition['setup'] => (ctx) => {
  ctx.on('emitter.happened' as never, () => {}, { id: 'listen', phase: 'afterCommit', ...(fromConfig ? { fromConfig } : {}) })
  ctx.on('order.completed', () => {}, { id: 'orders', phase: 'afterCommit' })
}
const ruleOn = { id: 'count', version: 1, on: 'emitter.happened', apply: () => ({}) }

describe('subscribing to another plugin\'s events', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      plugins: [
        emitter,
        plain('declared', { optional: { emitter: '^1' }, setup: listens(), scoring: [ruleOn] }),
        plain('required', { requires: { emitter: '^1' }, setup: listens() }),
        plain('hidden', { setup: listens() }),
        plain('hidden-rule', { scoring: [ruleOn] }),
        plain('configured', { setup: listens(true) }),
        // Named by the emitter: an optional edge cannot go both ways, so the emitter's counts.
        plain('named', { setup: listens(), scoring: [ruleOn] }),
      ],
    })
  }, 60_000)
  afterAll(() => t.close())

  it('boots a plugin that names the owner or takes the type from config, and fails one that hides it with a coded error', () => {
    const plugins = t.bootReport!.plugins
    for (const name of ['emitter', 'declared', 'required', 'configured', 'named']) expect(plugins[name]).toMatchObject({ state: 'active' })
    expect(plugins.hidden).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_EVENT_UNDECLARED', details: { plugin: 'hidden', type: 'emitter.happened', owner: 'emitter' } } })
    expect(plugins['hidden-rule']).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_EVENT_UNDECLARED', details: { plugin: 'hidden-rule', type: 'emitter.happened', owner: 'emitter' } } })
  })
})
