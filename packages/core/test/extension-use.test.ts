/**
 * `ctx.use` of another plugin's extension point is allowed only when that plugin is named in
 * `requires` or `optional` (a hidden dependency would break silently when it changes or is
 * removed): a plugin that declares it gets the implementation, one that does not gets the coded
 * PLUGIN_EXTENSION_UNDECLARED naming both plugins. The check reads definitions only: one dialect.
 */
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { policies } from '../src/http/access.js'
import { defineRoute } from '../src/http/define-route.js'
import { jsonResponse } from '../src/http/responses.js'
import type { PluginContext, PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, json, type TestApp } from '../testing/test-app.js'

const counter: PluginDefinition = {
  name: 'counter', namespace: 'counter', version: '1.0.0', host: '^1',
  extensionPoints: { 'counter.next': { description: 'The next number' } },
  setup(ctx) { ctx.provide('counter.next' as never, (() => 7) as never) },
}
/** A plugin whose GET /next calls `ctx.use('counter.next')`. */
const user = (name: string, deps: Pick<PluginDefinition, 'requires' | 'optional'>): PluginDefinition => ({
  name, namespace: name, version: '1.0.0', host: '^1', ...deps,
  setup(ctx: PluginContext) {
    ctx.route(defineRoute(
      { method: 'get', path: '/next', access: policies.staffRead(), responses: { 200: jsonResponse(z.object({ next: z.number() }), 'The next number') } },
      (c) => c.json({ next: (ctx.use('counter.next' as never) as unknown as () => number)() }, 200),
    ))
  },
})

describe('using another plugin\'s extension point', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite', { plugins: [counter, user('optional', { optional: { counter: '^1' } }), user('required', { requires: { counter: '^1' } }), user('hidden', {})] })
  }, 60_000)
  afterAll(() => t.close())

  it('works for a plugin that names the owner in requires or optional, and is a coded error otherwise', async () => {
    for (const name of ['optional', 'required']) expect(await json(await t.request('GET', `/api/p/${name}/next`))).toEqual({ next: 7 })
    const hidden = await t.request('GET', '/api/p/hidden/next')
    expect(hidden.status).toBe(500)
    expect((await json(hidden)).error).toMatchObject({ code: 'PLUGIN_EXTENSION_UNDECLARED', details: { plugin: 'hidden', id: 'counter.next', owner: 'counter' } })
  })
})
