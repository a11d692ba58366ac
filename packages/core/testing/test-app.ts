/**
 * @module
 * A core app on a fresh database for HTTP tests: `sqlite` (temp file) or `pglite` (in memory),
 * with sign-in helpers for each role and API keys. Share one per test file; `reset()` between tests.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Database } from '@rapport/db'
import { createCoreApp, type CoreApp } from '../src/http/create-app.js'
import { createLogger } from '../src/logger.js'
import { migrateCore } from '../src/schema/migrations.js'
import { createServices, type CoreServices } from '../src/services.js'
import { createUser } from '../src/auth/user-store.js'
import { createApiKey } from '../src/auth/api-key-store.js'
import type { ApiScope, Role } from '../src/http/app-env.js'
import type { PluginDefinition, ProfileSnapshot, RapportEvent } from '../src/plugins/contract.js'
import { publishEvent } from '../src/events/publish-event.js'
import { readProfile } from '../src/profile/read-profile.js'
import { newId } from '../src/crypto/tokens.js'
import { createDeliveryWorker } from '../src/deliveries/delivery-worker.js'
import { createScheduler } from '../src/jobs/create-scheduler.js'
import { createPluginHost, type BootReport, type PluginHost, type PluginHostOptions } from '../src/plugins/plugin-host.js'
import { savePluginState } from '../src/plugins/plugin-state-store.js'

export type TestDialect = 'sqlite' | 'pglite' | 'postgres'

/**
 * The dialects every suite runs on: `postgres` joins when RAPPORT_TEST_POSTGRES_URL names a real
 * server (the root vitest globalSetup starts one under RAPPORT_TEST_POSTGRES=1), and
 * RAPPORT_TEST_DIALECTS (comma-separated) narrows the list, e.g. to `postgres` alone.
 */
export const dialects: TestDialect[] = (['sqlite', 'pglite', 'postgres'] as const).filter((d) =>
  (d !== 'postgres' || Boolean(process.env.RAPPORT_TEST_POSTGRES_URL)) &&
  (!process.env.RAPPORT_TEST_DIALECTS || process.env.RAPPORT_TEST_DIALECTS.split(',').includes(d)))

/** Who a test request is sent as. */
export type As = 'anonymous' | Role | { apiKey: string } | { cookie: string } | { link: string }

export type TestApp = {
  services: CoreServices
  db: Database
  app: CoreApp['app']
  readonly routes: CoreApp['routes']
  /** The plugin host, when plugins were given. */
  host: PluginHost | undefined
  bootReport: BootReport | undefined
  /** Sends a request; JSON bodies are serialized; `as` picks the caller (default owner). */
  request(method: string, path: string, options?: { body?: unknown; rawBody?: string | Uint8Array; as?: As; headers?: Record<string, string> }): Promise<Response>
  /** Creates an API key with these scopes and returns it. */
  apiKey(scopes: ApiScope[]): Promise<string>
  /** Sign-in cookie of a user with this role (created on first use). */
  cookieFor(role: Role): Promise<string>
  /** Moves the fake clock forward. */
  advance(ms: number): void
  /** Publishes an event as its owner would (core for standard events); the key defaults to a fresh one. */
  emit(type: string, customerId: string | null, payload: Record<string, unknown>, options?: { key?: string; occurredAt?: string }): Promise<RapportEvent>
  /** One customer's profile by full field name. */
  profile(customerId: string): Promise<ProfileSnapshot>
  /** Runs every due after-commit delivery now (the worker does not poll in tests). */
  drainDeliveries(): Promise<void>
  /** Runs a plugin job now (`<plugin>:<name>`), as the manual trigger does, and waits for it. */
  runJob(job: string): Promise<void>
  /** Empties every core table. */
  reset(): Promise<void>
  close(): Promise<void>
}

export const ORIGIN = 'http://rapport.test'
export const SECRET = 'test-secret-0123456789abcdef'

/** Options of {@link createTestApp}. */
export type TestAppOptions = {
  /** Installed plugins, booted by a plugin host. */
  plugins?: readonly PluginDefinition[]
  /** Installed plugins stored as disabled before the host starts: never enabled, never migrated. */
  disabled?: readonly string[]
  /** Options of the plugin host (setup timeout, failure policy). */
  hostOptions?: PluginHostOptions
}

/** @example const t = await createTestApp('sqlite', { plugins: [notes], disabled: ['notes'] }); const res = await t.request('GET', '/api/v1/customers') */
export async function createTestApp(dialect: TestDialect, { plugins, disabled = [], hostOptions }: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-core-'))
  const scratch = dialect === 'postgres' ? await createPostgresSchema() : undefined
  const db = await openDatabase(dialect === 'sqlite' ? join(dir, 'test.db') : scratch ? scratch.url : 'pglite://memory')
  await migrateCore(db)
  let clock = Date.parse('2026-06-01T08:00:00.000Z')
  const services = createServices({ db, config: { secret: SECRET, timeZone: 'Asia/Shanghai', version: '0.0.0-test' }, log: createLogger({ level: 'silent' }), now: () => new Date(clock) })
  for (const name of disabled) await savePluginState(db, name, { enabled: false, config: undefined }, new Date(clock))
  const host = plugins ? createPluginHost(services, plugins, hostOptions) : undefined
  const bootReport = host ? await host.start() : undefined
  const worker = createDeliveryWorker(services, { pollMs: 60_000 })
  const scheduler = createScheduler(services)
  scheduler.sync()
  host?.onChange(() => scheduler.sync())
  const core = createCoreApp(services, { host })
  const app = core.app
  const cookies = new Map<Role, string>()

  async function cookieFor(role: Role): Promise<string> {
    const known = cookies.get(role)
    if (known) return known
    const email = `${role}@rapport.test`
    await createUser(db, { email, name: role, role, password: 'correct-horse-battery' }, new Date(clock)).catch(() => undefined)
    const res = await app.request(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ email, password: 'correct-horse-battery' }) })
    const cookie = res.headers.get('set-cookie')?.split(';')[0]
    if (!cookie) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`)
    cookies.set(role, cookie)
    return cookie
  }

  async function request(method: string, path: string, { body, rawBody, as = 'owner', headers = {} }: { body?: unknown; rawBody?: string | Uint8Array; as?: As; headers?: Record<string, string> } = {}) {
    const h: Record<string, string> = { origin: ORIGIN, ...headers }
    if (body !== undefined) h['content-type'] ??= 'application/json'
    if (typeof as === 'object' && 'apiKey' in as) h.authorization = `Bearer ${as.apiKey}`
    else if (typeof as === 'object' && 'link' in as) h['x-rapport-link'] = as.link
    else if (typeof as === 'object') h.cookie = as.cookie
    else if (as !== 'anonymous') h.cookie = await cookieFor(as)
    return app.request(`${ORIGIN}${path}`, { method, headers: h, ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}) })
  }

  return {
    services, db, app, get routes() { return core.routes }, host, bootReport, request, cookieFor,
    apiKey: async (scopes) => (await createApiKey(db, { name: 'test', scopes }, new Date(clock))).key,
    advance: (ms) => { clock += ms },
    async emit(type, customerId, payload, { key, occurredAt } = {}) {
      const emitter = services.runtime.ownerOfEvent(type) ?? 'core'
      const { event } = await publishEvent(services, {
        type, customerId, payload, emitter, source: emitter === 'core' ? 'api' : 'plugin',
        occurredAt: occurredAt ?? new Date(clock).toISOString(), idempotencyKey: key ?? `${type}:${newId('test')}`,
      })
      return event as unknown as RapportEvent
    },
    profile: (customerId) => readProfile(services, db, customerId),
    drainDeliveries: () => worker.drain(),
    async runJob(job) {
      await scheduler.trigger(job)
      await scheduler.drain()
    },
    async reset() {
      cookies.clear()
      // Every data table (core's, the profile's, each plugin's); migrations and plugin states stay.
      const tables = await db.all<{ name: string }>(db.dialect === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
      const keep = (name: string) => name.endsWith('_migrations') || name === 'core_plugins'
      const order = (name: string) => (name === 'core_users' ? 1 : name === 'core_customers' ? 1 : 0)
      for (const { name } of tables.filter((t) => !keep(t.name)).sort((a, b) => order(a.name) - order(b.name))) await db.run(`DELETE FROM "${name}"`)
    },
    async close() {
      await Promise.all([scheduler.stop(), worker.stop()])
      await db.close()
      await scratch?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A fresh schema on the server of RAPPORT_TEST_POSTGRES_URL (cheaper than a database), made the connections' search path. */
async function createPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.RAPPORT_TEST_POSTGRES_URL
  if (!admin) throw new Error('The postgres dialect needs RAPPORT_TEST_POSTGRES_URL')
  const schema = `rapport_test_${process.pid}_${newId('s').replace(/[^a-z0-9]/gi, '').toLowerCase()}`
  const adminDb = await openDatabase(admin)
  try {
    await adminDb.exec(`CREATE SCHEMA ${schema}`)
  } finally {
    await adminDb.close()
  }
  const url = new URL(admin)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    async drop() {
      const db = await openDatabase(admin)
      try {
        await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await db.close()
      }
    },
  }
}

/** A response body as untyped JSON, for assertions. @example expect((await json(res)).error.code).toBe('AUTH_REQUIRED') */
export const json = (res: Response): Promise<any> => res.json()
