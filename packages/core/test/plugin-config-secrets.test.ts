/**
 * A plugin's credentials in its config (a webhook's signing secret) are read only by those who may
 * change its settings: agents and analysts see that one is set, never its value.
 */
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

const notifier: PluginDefinition = {
  name: 'notifier', namespace: 'notifier', version: '1.0.0', host: '^1',
  config: z.object({
    channel: z.object({ url: z.string().default(''), secret: z.string().default(''), retries: z.number().int().default(3) }).default({ url: '', secret: '', retries: 3 }),
    apiToken: z.string().default(''),
  }),
}

type Info = { config: { channel: { url: string; secret: string; retries: number }; apiToken: string } }

describe.each(dialects)('plugin config credentials on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect, { plugins: [notifier] })
    const res = await t.request('PUT', '/api/v1/plugins/notifier/config', { body: { channel: { url: 'https://hooks.example.com/in', secret: 'whsec-0123456789', retries: 5 }, apiToken: '' } })
    expect(res.status).toBe(200)
  }, 60_000)
  afterAll(() => t.close())

  it('shows owners and admins the credentials they manage', async () => {
    for (const as of ['owner', 'admin'] as const) {
      const info = (await json(await t.request('GET', '/api/v1/plugins/notifier', { as })) as Info)
      expect(info.config.channel).toEqual({ url: 'https://hooks.example.com/in', secret: 'whsec-0123456789', retries: 5 })
    }
  })

  it('hides them from agents and analysts, in the list and in the detail, and keeps the rest readable', async () => {
    for (const as of ['agent', 'analyst'] as const) {
      const detail: Info = await json(await t.request('GET', '/api/v1/plugins/notifier', { as }))
      expect(detail.config.channel).toEqual({ url: 'https://hooks.example.com/in', secret: '********', retries: 5 })
      // An empty credential stays empty: the reader learns only whether one is set.
      expect(detail.config.apiToken).toBe('')
      const list: { items: Array<Info & { name: string }> } = await json(await t.request('GET', '/api/v1/plugins', { as }))
      expect(JSON.stringify(list)).not.toContain('whsec-0123456789')
      expect(list.items.find((p) => p.name === 'notifier')?.config.channel.secret).toBe('********')
    }
  })
})
