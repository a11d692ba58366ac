/**
 * RAPPORT_PLUGIN_FAILURE_LIMIT and RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES: read from the
 * environment (whole numbers of at least 1, defaults 5 and 60) and given to the plugin host, whose
 * policy `GET /api/v1/plugins` reports with each plugin's failures.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createUser, type PluginDefinition } from '@rapport/core'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { startServer } from '../src/server.js'

const secret = 'failure-settings-secret-0123456789'
const env = (extra: Record<string, string>) => ({ RAPPORT_SECRET: secret, DATABASE_URL: ':memory:', ...extra })
const quiet: PluginDefinition = { name: 'quiet', namespace: 'quiet', version: '1.0.0', host: '^1' }

describe('plugin failure settings', () => {
  it('default to 5 failures within 60 minutes, read whole numbers and refuse anything else', () => {
    expect(loadConfig(env({})).pluginFailures).toEqual({ limit: 5, windowMinutes: 60 })
    expect(loadConfig(env({ RAPPORT_PLUGIN_FAILURE_LIMIT: '3', RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES: '15' })).pluginFailures).toEqual({ limit: 3, windowMinutes: 15 })
    for (const bad of ['0', '-1', '2.5', 'many']) {
      expect(() => loadConfig(env({ RAPPORT_PLUGIN_FAILURE_LIMIT: bad })), bad).toThrow(/^RAPPORT_PLUGIN_FAILURE_LIMIT must be a whole number of at least 1/)
      expect(() => loadConfig(env({ RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES: bad })), bad).toThrow(/^RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES must be a whole number of at least 1/)
    }
  })

  it('reach the plugin host of a started server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-failure-settings-'))
    const server = await startServer({ databaseUrl: join(dir, 'r.db'), secret, logLevel: 'silent', plugins: [quiet], pluginFailures: { limit: 3, windowMinutes: 15 } })
    try {
      await createUser(server.db, { email: 'owner@settings.test', name: 'Owner', role: 'owner', password: 'correct-horse-battery' }, new Date())
      const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@settings.test', password: 'correct-horse-battery' }) })
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!
      const listed = (await (await fetch(`${server.url}/api/v1/plugins`, { headers: { cookie } })).json()) as { items: Array<{ name: string; failures: unknown }> }
      expect(listed.items.find((p) => p.name === 'quiet')?.failures).toEqual({ total: 0, recent: 0, limit: 3, windowMinutes: 15, last: null })
    } finally {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
