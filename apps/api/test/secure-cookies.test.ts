/**
 * The session cookie behind a proxy that ends TLS: the server sees http, so the setting (or an
 * https trusted origin) decides whether the cookie is marked Secure.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { startServer, type RunningServer } from '../src/server.js'

const secret = 'cookie-test-secret-0123456789'
const env = (extra: Record<string, string>) => ({ RAPPORT_SECRET: secret, DATABASE_URL: ':memory:', ...extra })

describe('RAPPORT_SECURE_COOKIES', () => {
  it('reads 1 and 0, follows an https trusted origin when unset, and refuses anything else', () => {
    expect(loadConfig(env({ RAPPORT_SECURE_COOKIES: '1' })).secureCookies).toBe(true)
    expect(loadConfig(env({ RAPPORT_SECURE_COOKIES: '0', RAPPORT_TRUSTED_ORIGINS: 'https://rapport.example.com' })).secureCookies).toBe(false)
    expect(loadConfig(env({ RAPPORT_TRUSTED_ORIGINS: 'https://rapport.example.com' })).secureCookies).toBe(true)
    expect(loadConfig(env({ RAPPORT_TRUSTED_ORIGINS: 'http://localhost:5173' })).secureCookies).toBeUndefined()
    expect(() => loadConfig(env({ RAPPORT_SECURE_COOKIES: 'yes' }))).toThrow(/RAPPORT_SECURE_COOKIES must be 1 or 0/)
  })

  let server: RunningServer | undefined
  afterEach(async () => { await server?.close() })

  const signInCookie = async (secureCookies: boolean | undefined) => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cookie-'))
    server = await startServer({
      databaseUrl: join(dir, 'rapport.db'), secret, logLevel: 'silent', adminDir: join(dir, 'no-admin'), demo: { customers: 1 },
      ...(secureCookies === undefined ? {} : { secureCookies }),
    })
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'admin@example.com', password: 'rapport-demo' }),
    })
    expect(res.status).toBe(200)
    return res.headers.get('set-cookie') ?? ''
  }

  it('marks the cookie Secure over plain http when set, as a TLS proxy needs', async () => {
    const cookie = await signInCookie(true)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/HttpOnly/i)
  }, 60_000)

  it('leaves it off over plain http by default, so a local install can sign in', async () => {
    expect(await signInCookie(undefined)).not.toMatch(/;\s*Secure/i)
  }, 60_000)
})
