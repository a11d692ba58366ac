/**
 * A plugin's static pages and its cross-origin routes, through the real app: index.html for the
 * app's paths (never cached, strict CSP), files with their cache rules, 404 PLUGIN_NOT_ACTIVE while
 * the plugin is disabled, and CORS only on the anonymous routes the plugin marks crossOrigin.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCoreApp, createLogger, createPluginHost, createServices, migrateCore, type PluginDefinition, type PluginHost } from '@rapport/core'
import { openDatabase, type Database } from '@rapport/db'
import { defineRoute, definePlugin, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mountPluginPages } from '../src/http/plugin-pages.js'
import { directivesOf } from './csp-directives.js'

const dir = mkdtempSync(join(tmpdir(), 'rapport-pages-'))
mkdirSync(join(dir, 'assets'))
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>widget page</title>')
writeFileSync(join(dir, 'assets', 'app-3f9a.js'), 'console.log(1)')
writeFileSync(join(dir, 'widget.js'), 'console.log(2)')

const ok = z.object({ ok: z.boolean() })
const pagesPlugin = definePlugin({
  name: 'pages-demo', namespace: 'pagesDemo', version: '1.0.0', host: '^1',
  pages: [{ path: '/w', dir }],
  setup(ctx) {
    ctx.route(defineRoute(
      { method: 'post', path: '/public/{token}', access: policies.anonymous, crossOrigin: true, request: { params: z.object({ token: z.string().min(3) }) }, responses: { 200: jsonResponse(ok, 'ok') } },
      async (c) => c.json({ ok: true }, 200),
    ))
    ctx.route(defineRoute({ method: 'get', path: '/private', access: policies.anonymous, responses: { 200: jsonResponse(ok, 'ok') } }, async (c) => c.json({ ok: true }, 200)))
  },
})

let db: Database
let host: PluginHost
let fetchApp: (path: string, init?: RequestInit) => Promise<Response>

const boot = async (plugins: PluginDefinition[]) => {
  const services = createServices({ db, log: createLogger({ level: 'silent' }), config: { secret: 'pages-test-secret-0123456789abcdef', timeZone: 'UTC', version: '0.1.0', trustedOrigins: [] } })
  const pluginHost = createPluginHost(services, plugins)
  await pluginHost.start()
  const { app } = createCoreApp(services, { host: pluginHost })
  return { app, pluginHost }
}

beforeAll(async () => {
  db = await openDatabase(':memory:')
  await migrateCore(db)
  const { app, pluginHost } = await boot([pagesPlugin])
  expect(mountPluginPages(app, pluginHost)).toEqual(['/w'])
  host = pluginHost
  fetchApp = async (path, init) => app.fetch(new Request(`http://rapport.test${path}`, init))
}, 60_000)
afterAll(async () => { await db.close() })

describe('plugin pages', () => {
  it('answers every app path with index.html, never cached, under a strict CSP', async () => {
    for (const path of ['/w', '/w/', '/w/abc.def', '/w/p/xyz', '/w/assets', '/w/..%2f..%2fetc%2fpasswd']) {
      const res = await fetchApp(path)
      expect(res.status, path).toBe(200)
      expect(await res.text()).toContain('widget page')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(directivesOf(res.headers.get('content-security-policy'))).toMatchObject({
        'script-src': ["'self'"], 'object-src': ["'none'"], 'base-uri': ["'none'"], 'frame-ancestors': ["'none'"], 'form-action': ["'none'"],
      })
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    }
    // Files carry no page policy and stay loadable from other sites.
    expect((await fetchApp('/w/widget.js')).headers.get('content-security-policy')).toBeNull()
  })

  it('serves hashed assets for a year and other files briefly, loadable from other sites', async () => {
    const asset = await fetchApp('/w/assets/app-3f9a.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await asset.text()).toBe('console.log(1)')
    const widget = await fetchApp('/w/widget.js')
    expect(widget.headers.get('cache-control')).toBe('public, max-age=300')
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    // Other responses keep the strict default.
    expect((await fetchApp('/api/health')).headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })

  it('answers 404 PLUGIN_NOT_ACTIVE while the plugin is disabled, and serves again once enabled', async () => {
    await host.disable('pages-demo')
    for (const path of ['/w/p/xyz', '/w/widget.js']) {
      const res = await fetchApp(path)
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ error: { code: 'PLUGIN_NOT_ACTIVE', details: { plugin: 'pages-demo', state: 'disabled' } } })
    }
    await host.enable('pages-demo')
    expect((await fetchApp('/w/widget.js')).status).toBe(200)
  })

  it('allows other origins, without credentials, only on crossOrigin routes, errors included', async () => {
    const preflight = await fetchApp('/api/p/pages-demo/public/abc', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type')
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    const post = await fetchApp('/api/p/pages-demo/public/abc', { method: 'POST', headers: { origin: 'https://shop.example' } })
    expect(post.status).toBe(200)
    expect(post.headers.get('access-control-allow-origin')).toBe('*')
    const refused = await fetchApp('/api/p/pages-demo/public/a', { method: 'POST', headers: { origin: 'https://shop.example' } })
    expect(refused.status).toBe(400)
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
    const other = await fetchApp('/api/p/pages-demo/private', { headers: { origin: 'https://shop.example' } })
    expect(other.status).toBe(200)
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses crossOrigin on a route that is not anonymous, and bad or shared page paths', async () => {
    const leaky = definePlugin({
      name: 'leaky', namespace: 'leaky', version: '1.0.0', host: '^1',
      setup(ctx) {
        ctx.route(defineRoute({ method: 'get', path: '/mine', access: policies.admins, crossOrigin: true, responses: { 200: jsonResponse(ok, 'ok') } }, async (c) => c.json({ ok: true }, 200)))
      },
    })
    const badPath = { ...pagesPlugin, name: 'bad-path', namespace: 'badPath', pages: [{ path: '/api', dir }] } as PluginDefinition
    const twin = { ...pagesPlugin, name: 'twin', namespace: 'twin' } as PluginDefinition
    const { app, pluginHost } = await boot([leaky, badPath, pagesPlugin, twin])
    expect(pluginHost.status('leaky')).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_DEFINITION_INVALID' } })
    expect(JSON.stringify(pluginHost.status('leaky').error)).toContain('crossOrigin but not anonymous')
    expect(pluginHost.status('bad-path')).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_DEFINITION_INVALID' } })
    expect(() => mountPluginPages(app, pluginHost)).toThrow(/already served by pages-demo/)
  })
})
