/**
 * `rapport rotate-secret`, on SQLite and PGlite through its exported entry: customers with email
 * and phone created over HTTP under the old secret are found, read and exported with the same
 * plaintext under the new one; the raw rows hold no plaintext and no longer decrypt with the old
 * secret; a customer link issued before is refused. A wrong current secret and a too-short new
 * secret are refused with a code and change nothing.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPiiCipher, createUser } from '@rapport/core'
import { openDatabase } from '@rapport/db'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { rotateSecretCommand } from '../src/cli/rotate-secret-command.js'
import { startServer, type RunningServer } from '../src/server.js'
import { runCli, tempEnv } from './cli-process.js'

const OLD = 'rotate-test-old-secret-0123456789'
const NEW = 'rotate-test-new-secret-9876543210'
const OWNER = { email: 'owner@rotate.test', password: 'owner-password-123' }
const PEOPLE = [
  { externalId: 'rot-1', name: 'Li Wei', email: 'Li.Wei@Example.cn', phone: '+86 138-0013-8000' },
  { externalId: 'rot-2', name: 'Ana', email: 'ana.rotate@example.com' },
  { externalId: 'rot-3', name: 'Bo', phone: '139 0013 9000' },
  { externalId: 'rot-4', name: 'Nobody' },
]
const PLAINTEXTS = ['Li.Wei@Example.cn', 'li.wei@example.cn', '138-0013-8000', '+8613800138000', 'ana.rotate@example.com', '139 0013 9000', '13900139000']

type Api = { call(method: string, path: string, options?: { body?: unknown; link?: string }): Promise<{ status: number; body: any }> }

/** An owner's session on a running server. */
async function signIn(server: RunningServer): Promise<Api> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(OWNER) })
  expect(login.status).toBe(200)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  return {
    async call(method, path, { body, link } = {}) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { origin: server.url, ...(link ? { 'x-rapport-link': link } : { cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : undefined }
    },
  }
}

type RawCustomer = { id: string; email_enc: string | null; email_hash: string | null; phone_enc: string | null; phone_hash: string | null; updated_at: unknown }

async function rawState(url: string) {
  const db = await openDatabase(url)
  try {
    return {
      customers: await db.all<RawCustomer>('SELECT id, email_enc, email_hash, phone_enc, phone_hash, updated_at FROM core_customers ORDER BY id'),
      throttle: (await db.all('SELECT key FROM core_login_throttle ORDER BY key')).length,
    }
  } finally {
    await db.close()
  }
}

/** Runs the command in-process, capturing what it prints. */
async function rotate(url: string, currentSecret: string, env: Record<string, string>, argv: string[] = []) {
  const lines = { out: [] as string[], err: [] as string[] }
  const code = await rotateSecretCommand(loadConfig({ DATABASE_URL: url, RAPPORT_SECRET: currentSecret }), argv, {
    env, out: (l) => lines.out.push(l), err: (l) => lines.err.push(l),
  })
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n') }
}

const dialects = [
  ['sqlite', (dir: string) => join(dir, 'rapport.db')],
  ['pglite', (dir: string) => `pglite:${join(dir, 'pg')}`],
] as const

describe.each(dialects)('rapport rotate-secret on %s', (_dialect, urlIn) => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-rotate-'))
  const url = urlIn(dir)
  const start = (secret: string) => startServer({ databaseUrl: url, secret, logLevel: 'silent', adminDir: join(dir, 'no-admin-build') })
  const ids: Record<string, string> = {}
  let oldLink = ''
  let linkStatusBefore = 0
  let before: Awaited<ReturnType<typeof rawState>>

  beforeAll(async () => {
    const server = await start(OLD)
    try {
      await createUser(server.db, { email: OWNER.email, name: 'Owner', role: 'owner', password: OWNER.password }, new Date())
      const api = await signIn(server)
      for (const person of PEOPLE) {
        const created = await api.call('POST', '/api/v1/customers', { body: person })
        expect(created.status, JSON.stringify(created.body)).toBe(201)
        ids[person.externalId] = created.body.id
      }
      const link = await api.call('POST', `/api/v1/customers/${ids['rot-1']}/links`, { body: { purpose: 'points-membership' } })
      expect(link.status).toBe(201)
      oldLink = link.body.token
      linkStatusBefore = (await api.call('GET', '/api/p/points-membership/me', { link: oldLink })).status
      expect(linkStatusBefore).not.toBe(401)
      // A failed sign-in leaves throttle entries keyed by hashes under the old key.
      const failed = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'nobody@rotate.test', password: 'wrong-password' }) })
      expect(failed.status).toBe(401)
    } finally {
      await server.close()
    }
    before = await rawState(url)
    expect(before.throttle).toBeGreaterThan(0)
  }, 120_000)

  it('refuses a wrong current secret with a code and changes nothing', async () => {
    const res = await rotate(url, 'not-the-secret-of-this-database', { RAPPORT_NEW_SECRET: NEW })
    expect(res.code).toBe(1)
    expect(res.err).toContain('ROTATE_CURRENT_SECRET_WRONG')
    expect(res.err).toContain('3 customer(s)')
    expect(await rawState(url)).toEqual(before)
  })

  it('refuses a new secret shorter than the cipher accepts, and one equal to the current', async () => {
    const short = await rotate(url, OLD, { RAPPORT_NEW_SECRET: 'too-short' })
    expect(short.code).toBe(1)
    expect(short.err).toContain('ROTATE_NEW_SECRET_TOO_SHORT')
    const same = await rotate(url, OLD, { RAPPORT_NEW_SECRET: OLD })
    expect(same.code).toBe(1)
    expect(same.err).toContain('ROTATE_NEW_SECRET_UNCHANGED')
    expect(await rawState(url)).toEqual(before)
  })

  it('re-keys every value: same plaintext under the new secret, none readable with the old, old links refused', async () => {
    const res = await rotate(url, OLD, { RAPPORT_NEW_SECRET: NEW })
    expect(res.err).toBe('')
    expect(res.code).toBe(0)
    expect(res.out).toContain('Rotated: 3 customer(s), 2 email(s) and 2 phone number(s) re-encrypted and re-hashed')
    expect(res.out).toMatch(/[1-9]\d* sign-in throttle entr(y|ies) cleared/)
    expect(res.out).toContain('set RAPPORT_SECRET to the new secret')
    expect(readdirSync(dir).filter((f) => f.includes('secret'))).toEqual([])

    const after = await rawState(url)
    expect(after.throttle).toBe(0)
    const oldCipher = createPiiCipher(OLD)
    const newCipher = createPiiCipher(NEW)
    expect(after.customers.map((r) => [r.id, r.updated_at])).toEqual(before.customers.map((r) => [r.id, r.updated_at]))
    for (const row of after.customers) {
      const old = before.customers.find((r) => r.id === row.id)!
      for (const column of ['email', 'phone'] as const) {
        const enc = row[`${column}_enc`]
        expect(enc === null).toBe(old[`${column}_enc`] === null)
        if (enc === null) { expect(row[`${column}_hash`]).toBeNull(); continue }
        expect(enc).not.toBe(old[`${column}_enc`])
        expect(row[`${column}_hash`]).not.toBe(old[`${column}_hash`])
        expect(newCipher.decrypt(enc)).toBe(oldCipher.decrypt(old[`${column}_enc`]!))
        expect(() => oldCipher.decrypt(enc)).toThrow()
      }
    }
    const raw = JSON.stringify(after.customers)
    for (const plain of PLAINTEXTS) expect(raw).not.toContain(plain)
    if (url.endsWith('.db')) {
      // The whole SQLite file, not only the rows read back: no plaintext anywhere on disk.
      const bytes = readdirSync(dir).filter((f) => f.startsWith('rapport.db')).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('')
      expect(bytes).toContain('Li Wei') // names are stored in clear: the scan does see row data
      for (const plain of PLAINTEXTS) expect(bytes).not.toContain(plain)
    }

    const server = await start(NEW)
    try {
      const api = await signIn(server)
      const byEmail = await api.call('GET', `/api/v1/customers?email=${encodeURIComponent(' LI.WEI@example.CN ')}`)
      expect(byEmail.body.items.map((c: { id: string }) => c.id)).toEqual([ids['rot-1']])
      const byPhone = await api.call('GET', `/api/v1/customers?phone=${encodeURIComponent('+86 13800138000')}`)
      expect(byPhone.body.items.map((c: { id: string }) => c.id)).toEqual([ids['rot-1']])
      const byQuery = await api.call('GET', '/api/v1/customers?q=ana.rotate%40example.com')
      expect(byQuery.body.items.map((c: { id: string }) => c.id)).toEqual([ids['rot-2']])
      for (const person of PEOPLE) {
        const exported = await api.call('GET', `/api/v1/customers/${ids[person.externalId]}/export`)
        expect(exported.status).toBe(200)
        expect(exported.body.customer).toMatchObject({ externalId: person.externalId, email: person.email ?? null, phone: person.phone ?? null })
      }
      const oldLinkNow = await api.call('GET', '/api/p/points-membership/me', { link: oldLink })
      expect(oldLinkNow.status).toBe(401)
      expect(oldLinkNow.body.error.code).toBe('LINK_INVALID')
      const fresh = await api.call('POST', `/api/v1/customers/${ids['rot-1']}/links`, { body: { purpose: 'points-membership' } })
      expect((await api.call('GET', '/api/p/points-membership/me', { link: fresh.body.token })).status).toBe(linkStatusBefore)
    } finally {
      await server.close()
    }
  })
}, 180_000)

describe('rapport rotate-secret as a process, with the secret kept beside the SQLite file', () => {
  /** An installation whose secret was generated into `secret` beside the database, with three customers imported (and `extra` more with an email). */
  async function keptSecretInstallation(extra = 0) {
    const env = tempEnv({ RAPPORT_SECRET: '' })
    const dir = dirname(env.DATABASE_URL!)
    expect((await runCli(['migrate'], env)).code).toBe(0)
    const secretFile = join(dir, 'secret')
    const csv = join(dir, 'customers.csv')
    writeFileSync(csv, `externalId,name,email,phone\nk-1,Wang Fang,wang.fang@example.cn,+86 138-0013-8001\nk-2,Zhao,zhao@example.cn,\nk-3,Qian,,13900139001\n${Array.from({ length: extra }, (_, i) => `x-${i},,many-${i}@example.cn,\n`).join('')}`)
    const imported = await runCli(['import', 'customers', csv], env)
    expect(imported.code, imported.stderr).toBe(0)
    return { env, dir, secretFile, secret: readFileSync(secretFile, 'utf8').trim() }
  }

  const emailsUnder = async (url: string, secret: string) => {
    const db = await openDatabase(url)
    try {
      const cipher = createPiiCipher(secret)
      return (await db.all<{ email_enc: string | null }>('SELECT email_enc FROM core_customers WHERE email_enc IS NOT NULL ORDER BY external_id')).map((r) => cipher.decrypt(r.email_enc!))
    } finally {
      await db.close()
    }
  }

  it('re-keys every page of customers, then replaces the secret file atomically with the new secret (mode 600)', async () => {
    // More customers than one keyset page (500) holds.
    const { env, dir, secretFile, secret } = await keptSecretInstallation(1_200)
    const newFile = join(dir, 'new-secret.txt')
    writeFileSync(newFile, `${NEW}\n`)
    const res = await runCli(['rotate-secret', '--new-secret-file', newFile], env)
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Rotated: 1203 customer(s), 1202 email(s) and 2 phone number(s)')
    expect(res.stdout).toContain(`Wrote the new secret to ${secretFile}`)
    expect(res.stdout).toContain('Customer links issued before now no longer verify')
    expect(readFileSync(secretFile, 'utf8')).toBe(`${NEW}\n`)
    expect(statSync(secretFile).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).filter((f) => f.includes('rotating'))).toEqual([])
    const emails = await emailsUnder(env.DATABASE_URL!, NEW)
    expect(emails).toHaveLength(1_202)
    expect(emails.filter((e) => !e.startsWith('many-'))).toEqual(['wang.fang@example.cn', 'zhao@example.cn'])
    await expect(emailsUnder(env.DATABASE_URL!, secret)).rejects.toThrow()
  })

  it('refuses a secret given as an argument, none, or two, with a code; the database and secret file stay as they were', async () => {
    const { env, secretFile, secret } = await keptSecretInstallation()
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['rotate-secret', NEW], {}, 'ROTATE_ARGUMENTS_INVALID'],
      [['rotate-secret', '--new-secret', NEW], {}, 'ROTATE_ARGUMENTS_INVALID'],
      [['rotate-secret'], {}, 'ROTATE_NEW_SECRET_REQUIRED'],
      [['rotate-secret', '--new-secret-file', secretFile], { RAPPORT_NEW_SECRET: NEW }, 'ROTATE_NEW_SECRET_AMBIGUOUS'],
      [['rotate-secret', '--new-secret-file', join(secretFile, 'missing')], {}, 'ROTATE_NEW_SECRET_FILE_UNREADABLE'],
      [['rotate-secret'], { RAPPORT_NEW_SECRET: 'short' }, 'ROTATE_NEW_SECRET_TOO_SHORT'],
    ]
    // Refusals write nothing, so they may run side by side.
    const results = await Promise.all(cases.map(([args, extra]) => runCli(args, { ...env, ...extra })))
    results.forEach((res, i) => {
      const [args, , code] = cases[i]!
      expect(res.code, args.join(' ')).toBe(1)
      expect(res.stderr, args.join(' ')).toContain(`rapport rotate-secret: ${code}:`)
      expect(res.stderr).not.toContain(NEW)
    })
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(secret)
    expect(await emailsUnder(env.DATABASE_URL!, secret)).toEqual(['wang.fang@example.cn', 'zhao@example.cn'])
  })

  it('refuses while a server runs on the database, and without a database or a current secret', async () => {
    const { env, secretFile, secret } = await keptSecretInstallation()
    // The marker a running server writes; this test process is the live pid it names.
    writeFileSync(`${env.DATABASE_URL}.server.json`, JSON.stringify({ pid: process.pid, url: 'http://127.0.0.1:1', startedAt: new Date().toISOString() }))
    const running = await runCli(['rotate-secret'], { ...env, RAPPORT_NEW_SECRET: NEW })
    expect(running.code).toBe(1)
    expect(running.stderr).toContain('ROTATE_SERVER_RUNNING')
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(secret)

    const elsewhere = tempEnv({ RAPPORT_SECRET: '' })
    const none = await runCli(['rotate-secret', NEW], elsewhere)
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('ROTATE_NO_CURRENT_SECRET')
    // The secret the configuration loader made up for the occasion is taken back.
    expect(existsSync(join(dirname(elsewhere.DATABASE_URL!), 'secret'))).toBe(false)

    const missing = await runCli(['rotate-secret'], tempEnv({ RAPPORT_NEW_SECRET: NEW }))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('ROTATE_DATABASE_MISSING')
  })
})
