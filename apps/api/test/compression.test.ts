/**
 * Compression and caching through the real server (issue 19, item 5): br or gzip by
 * Accept-Encoding for HTML, JS, CSS and JSON, decoding to the very bytes sent uncompressed, with
 * `Vary: Accept-Encoding`; small responses sent as they are; hashed assets (the admin's and a
 * plugin's pages) immutable for a year, HTML revalidated; ETags answered with 304.
 * Requests go through node:http, which neither asks for nor decodes a coding by itself.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { definePlugin } from '@rapport/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.js'

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

const dir = mkdtempSync(join(tmpdir(), 'rapport-compression-'))
const adminDir = join(dir, 'admin')
const pagesDir = join(dir, 'pages')
// Text big enough to compress, and varied enough that a wrong decoding cannot pass.
const script = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${JSON.stringify(`line ${i} ${(i * 7919) % 1000}`)};`).join('\n')
const style = Array.from({ length: 200 }, (_, i) => `.c${i} { margin: ${i}px; color: #${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)} }`).join('\n')
const html = `<!doctype html><title>Rapport admin</title><script type="module" src="/admin/assets/app-1a2b3c.js"></script>${'<!-- padding so the page is worth compressing -->'.repeat(40)}`
mkdirSync(join(adminDir, 'assets'), { recursive: true })
writeFileSync(join(adminDir, 'index.html'), html)
writeFileSync(join(adminDir, 'assets', 'app-1a2b3c.js'), script)
writeFileSync(join(adminDir, 'assets', 'app-1a2b3c.css'), style)
writeFileSync(join(adminDir, 'assets', 'tiny-9f8e.js'), 'console.log(1)')
mkdirSync(join(pagesDir, 'assets'), { recursive: true })
writeFileSync(join(pagesDir, 'index.html'), '<!doctype html><title>survey page</title>')
writeFileSync(join(pagesDir, 'assets', 'page-77aa.js'), script)

const pagesPlugin = definePlugin({ name: 'pages-fixture', namespace: 'pagesFixture', version: '1.0.0', host: '^1', pages: [{ path: '/w', dir: pagesDir }] })

let server: RunningServer

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const decoded = (r: Raw) => (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body)

beforeAll(async () => {
  server = await startServer({ databaseUrl: join(dir, 'rapport.db'), secret: 'compression-secret-0123456789', logLevel: 'silent', adminDir, plugins: [pagesPlugin] })
}, 60_000)
afterAll(async () => { await server.close() })

describe('compression by Accept-Encoding', () => {
  const cases = [
    { what: 'a hashed admin script', path: '/admin/assets/app-1a2b3c.js', type: /javascript/ },
    { what: 'a hashed admin stylesheet', path: '/admin/assets/app-1a2b3c.css', type: /text\/css/ },
    { what: "a plugin page's hashed script", path: '/w/assets/page-77aa.js', type: /javascript/ },
    { what: 'the admin page (HTML)', path: '/admin/customers', type: /text\/html/ },
    { what: 'the API description (JSON)', path: '/api/openapi.json', type: /application\/json/ },
  ]
  it.each(cases)('$what: br, gzip or none, all decoding to the same bytes', async ({ path, type }) => {
    const plain = await get(path)
    expect(plain.status).toBe(200)
    expect(plain.headers['content-type']).toMatch(type)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.length).toBeGreaterThan(1024)
    for (const [accept, coding] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br'], ['br;q=0.5, gzip', 'gzip'], ['br;q=0, gzip;q=0', undefined], ['identity', undefined]] as const) {
      const res = await get(path, { 'accept-encoding': accept })
      expect(res.status, accept).toBe(200)
      expect(res.headers['content-encoding'], accept).toBe(coding)
      expect(res.headers.vary, accept).toMatch(/accept-encoding/i)
      expect(decoded(res).equals(plain.body), accept).toBe(true)
      if (coding) expect(res.body.length, accept).toBeLessThan(plain.body.length / 2)
      if (res.headers['content-length']) expect(Number(res.headers['content-length'])).toBe(res.body.length)
    }
  })

  it('sends small responses as they are', async () => {
    for (const path of ['/api/health', '/admin/assets/tiny-9f8e.js']) {
      const res = await get(path, { 'accept-encoding': 'br, gzip' })
      expect(res.status, path).toBe(200)
      expect(res.headers['content-encoding'], path).toBeUndefined()
      expect(res.body.length, path).toBeLessThan(1024)
    }
  })

  it('answers HEAD with the headers of the coded response and no body', async () => {
    const res = await get('/admin/assets/app-1a2b3c.js', { 'accept-encoding': 'br' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.body.length).toBe(0)
  })
})

describe('caching', () => {
  it('marks hashed assets immutable for a year, the admin and plugin pages not', async () => {
    for (const path of ['/admin/assets/app-1a2b3c.js', '/admin/assets/app-1a2b3c.css', '/w/assets/page-77aa.js']) {
      expect((await get(path, { 'accept-encoding': 'br' })).headers['cache-control'], path).toBe('public, max-age=31536000, immutable')
    }
    for (const path of ['/admin/', '/admin/customers', '/admin/index.html', '/w/', '/w/some/page']) {
      const res = await get(path, { 'accept-encoding': 'gzip' })
      expect(res.status, path).toBe(200)
      expect(res.headers['content-type'], path).toMatch(/text\/html/)
      expect(res.headers['cache-control'], path).toMatch(/^no-(cache|store)$/)
    }
  })

  it('answers a known ETag with 304 and no body, in any coding', async () => {
    const first = await get('/admin/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip' })
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[^"]+"$/)
    const again = await get('/admin/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.etag).toBe(etag)
    expect((await get('/admin/assets/app-1a2b3c.js', { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304)
    expect((await get('/admin/assets/app-1a2b3c.js', { 'if-none-match': '"something-else"' })).status).toBe(200)
    // Each coding is its own representation: its own tag.
    expect((await get('/admin/assets/app-1a2b3c.js', { 'accept-encoding': 'br' })).headers.etag).not.toBe(etag)
  })
})
