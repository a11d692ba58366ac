import { createTestApp, json, type As, type TestDialect } from '@rapport/core/testing'
import { runPluginCommand, type EventType, type PayloadOf, type PluginDefinition, type ProfileSnapshot, type RapportEvent } from '@rapport/core'

/** An HTTP client bound to one caller. Bodies are JSON; responses are the fetch `Response`. */
export type Client = {
  get(path: string): Promise<Response>
  post(path: string, body?: unknown): Promise<Response>
  put(path: string, body?: unknown): Promise<Response>
  patch(path: string, body?: unknown): Promise<Response>
  delete(path: string): Promise<Response>
}

export type TestHostOptions = {
  plugins: readonly PluginDefinition[]
  dialect?: TestDialect
  /** Config per plugin name, applied (and validated) after boot. */
  config?: Record<string, unknown>
}

export type TestHost = {
  /** Requests as the signed-in owner. */
  http: Client
  /** The whole app as a fetch handler, to serve it over real HTTP (benchmarks: `serve({ fetch: host.fetch })`). */
  fetch(request: Request): Response | Promise<Response>
  /** Requests as another caller: a role, 'anonymous', or `{ apiKey }`. */
  as(caller: As): Client
  /** Creates an API key with these scopes. */
  apiKey(scopes: Parameters<Awaited<ReturnType<typeof createTestApp>>['apiKey']>[0]): Promise<string>
  /** Creates a customer (through the API) and returns its id. */
  customer(fields?: Record<string, unknown>): Promise<string>
  /**
   * Emits an event as its owner would (core for `order.completed`, the declaring plugin otherwise).
   * A declared type (core's, or one in `EventMap` by declaration merging) takes its own payload type.
   */
  emit<T extends EventType | (string & {})>(type: T, customerId: string | null, payload: PayloadOf<T & string>, options?: { key?: string; occurredAt?: string }): Promise<RapportEvent<T & string>>
  /** One customer's profile, every plugin's fields by full name. */
  profile(customerId: string): Promise<ProfileSnapshot>
  /** Moves the fake clock forward. */
  advance(ms: number): void
  /** Sets the fake clock (the host's real clock) to a time, forward or back: history tests live through past dates. */
  setTime(at: string | Date): void
  /** Sends a raw body (a CSV import), as the signed-in owner unless `as` says otherwise. */
  postRaw(path: string, body: string, contentType: string, as?: As): Promise<Response>
  /** Runs the after-commit deliveries that are due now (retries become due as the clock advances). */
  drainDeliveries(): Promise<void>
  /** Runs a scheduled job now (`<plugin>:<name>`) and waits for it. */
  runJob(job: string): Promise<void>
  /** Runs a plugin's command (`rapport <plugin or namespace> <command> [args]`): its exit code and printed lines. */
  runCommand(plugin: string, command: string, args?: readonly string[]): Promise<{ exitCode: number; output: string[] }>
  now(): Date
  /** Parses a JSON response body. */
  json(res: Response): Promise<any>
  /** Empties every data table (plugin states and migrations stay). */
  reset(): Promise<void>
  close(): Promise<void>
} & Pick<Awaited<ReturnType<typeof createTestApp>>, 'host' | 'db' | 'services' | 'bootReport'>

/**
 * @example
 * const host = await createTestHost({ plugins: [vipBirthday], dialect: 'pglite' })
 * const id = await host.customer({ birthday: '1990-06-15' })
 * await host.emit('order.completed', id, { orderId: 'o1', amountMinor: 12_900, currency: 'CNY' })
 * expect((await host.profile(id))['birthday.isBirthdayMonth']).toBe(true)
 */
export async function createTestHost({ plugins, dialect = 'sqlite', config = {} }: TestHostOptions): Promise<TestHost> {
  const t = await createTestApp(dialect, { plugins })
  for (const [name, value] of Object.entries(config)) await t.host!.configure(name, value)
  const client = (as: As): Client => ({
    get: (path) => t.request('GET', path, { as }),
    post: (path, body) => t.request('POST', path, { as, ...(body === undefined ? {} : { body }) }),
    put: (path, body) => t.request('PUT', path, { as, ...(body === undefined ? {} : { body }) }),
    patch: (path, body) => t.request('PATCH', path, { as, ...(body === undefined ? {} : { body }) }),
    delete: (path) => t.request('DELETE', path, { as }),
  })
  let counter = 0
  return {
    host: t.host, db: t.db, services: t.services, bootReport: t.bootReport,
    http: client('owner'),
    fetch: (request) => t.app.fetch(request),
    as: client,
    apiKey: (scopes) => t.apiKey(scopes),
    async customer(fields = {}) {
      counter += 1
      const res = await t.request('POST', '/api/v1/customers', { body: { externalId: `test-${counter}-${Date.now()}`, ...fields } })
      if (res.status !== 201) throw new Error(`creating a customer failed: ${res.status} ${await res.text()}`)
      return (await json(res)).id as string
    },
    emit: async (type, customerId, payload, options) => (await t.emit(type, customerId, payload as Record<string, unknown>, options)) as RapportEvent<typeof type & string>,
    profile: (customerId) => t.profile(customerId),
    advance: (ms) => t.advance(ms),
    setTime: (at) => t.advance(new Date(at).getTime() - t.services.now().getTime()),
    postRaw: (path, body, contentType, as = 'owner') => t.request('POST', path, { as, rawBody: body, headers: { 'content-type': contentType } }),
    drainDeliveries: () => t.drainDeliveries(),
    runJob: (job) => t.runJob(job),
    async runCommand(plugin, command, args = []) {
      if (!t.host) throw new Error('runCommand needs plugins')
      const output: string[] = []
      const exitCode = await runPluginCommand(t.host, plugin, command, { args, print: (line) => { output.push(line) } })
      return { exitCode, output }
    },
    now: () => t.services.now(),
    json,
    reset: () => t.reset(),
    close: () => t.close(),
  }
}
