/**
 * @module
 * Compares the state two test hosts reached from the same history: every customer's profile,
 * the explanation of every field (each change: when, what, by which rule or plugin, caused by
 * which event) and every row of every plugin table. Only what is by nature per run is left out:
 * generated ids (a customer is named by its external id, an event by its idempotency key, any
 * other generated id becomes `<id>`), and core's bookkeeping tables (the log's `recordedAt`, job
 * runs, sessions, audit), which are not compared at all. Everything else must be equal, bit for bit.
 */
import type { Client, TestHost } from './create-test-host.js'

/** One difference: where (profile, explanation, a plugin table), whose (the plugin's namespace) and what. */
export type StateDifference = { area: 'profile' | 'explanation' | 'table'; namespace: string; detail: string }

/** Options of {@link compareHosts}. */
export type CompareOptions = {
  /** Most differences reported per area and namespace. */
  maxPerArea?: number
}

type Snapshot = { profiles: Map<string, Record<string, unknown>>; explanations: Map<string, unknown[]>; tables: Map<string, string[]> }

// newId(): a short prefix, `_`, then a time-ordered random tail.
const GENERATED_ID = /\b([a-z][a-z0-9]{1,11})_[0-9a-z]{20,40}\b/g

/**
 * The differences between the states of `a` and `b`; empty when they are the same.
 * @example expect(await compareHosts(live, imported)).toEqual([])
 */
export async function compareHosts(a: TestHost, b: TestHost, { maxPerArea = 5 }: CompareOptions = {}): Promise<StateDifference[]> {
  const [left, right] = [await snapshot(a), await snapshot(b)]
  const out: StateDifference[] = []
  // Tables are `<namespace in snake case>_…` (churnRisk → churn_risk_scores).
  const prefixes = (a.host?.definitions() ?? []).map((d) => [d.namespace, `${d.namespace.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_`] as const)
  const tableNamespace = (table: string) => prefixes.find(([, prefix]) => table.startsWith(prefix))?.[0] ?? namespaceOf(table, '_')
  const push = (d: StateDifference) => { if (out.filter((o) => o.area === d.area && o.namespace === d.namespace).length < maxPerArea) out.push(d) }
  for (const key of union(left.profiles, right.profiles)) {
    const [p, q] = [left.profiles.get(key) ?? {}, right.profiles.get(key) ?? {}]
    for (const field of new Set([...Object.keys(p), ...Object.keys(q)])) {
      if (same(p[field], q[field])) continue
      push({ area: 'profile', namespace: namespaceOf(field, '.'), detail: `${key} ${field}: ${show(p[field])} ≠ ${show(q[field])}` })
    }
  }
  for (const key of union(left.explanations, right.explanations)) {
    const [x, y] = [left.explanations.get(key) ?? [], right.explanations.get(key) ?? []]
    if (same(x, y)) continue
    const at = firstDifference(x, y)
    push({ area: 'explanation', namespace: namespaceOf(key.split(' ')[1] ?? '', '.'), detail: `${key} change #${at}: ${show(x[at])} ≠ ${show(y[at])} (${x.length} vs ${y.length} changes)` })
  }
  for (const table of union(left.tables, right.tables)) {
    const [x, y] = [left.tables.get(table) ?? [], right.tables.get(table) ?? []]
    const onlyLeft = minus(x, y)
    const onlyRight = minus(y, x)
    for (const row of onlyLeft.slice(0, maxPerArea)) push({ area: 'table', namespace: tableNamespace(table), detail: `${table} only in the first: ${row}` })
    for (const row of onlyRight.slice(0, maxPerArea)) push({ area: 'table', namespace: tableNamespace(table), detail: `${table} only in the second: ${row}` })
  }
  return out
}

async function snapshot(host: TestHost): Promise<Snapshot> {
  // An API key, not a session: the fake clock may have moved past any session's lifetime.
  const reader = host.as({ apiKey: await host.apiKey(['customers:read']) })
  const customers = await host.db.all<{ id: string; external_id: string | null }>('SELECT id, external_id FROM core_customers')
  const events = await host.db.all<{ id: string; idempotency_key: string }>('SELECT id, idempotency_key FROM core_events')
  const names = new Map<string, string>([...customers.map((c) => [c.id, `customer:${c.external_id ?? c.id}`] as const), ...events.map((e) => [e.id, `event:${e.idempotency_key}`] as const)])
  const normal = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(GENERATED_ID, (id) => names.get(id) ?? `<id:${id.split('_')[0]}>`)
    if (Array.isArray(value)) return value.map(normal)
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]))
    return value
  }
  const profiles = new Map<string, Record<string, unknown>>()
  const explanations = new Map<string, unknown[]>()
  for (const c of customers) {
    const key = names.get(c.id)!
    const profile = normal(await host.profile(c.id)) as Record<string, unknown>
    profiles.set(key, profile)
    for (const field of Object.keys(profile)) explanations.set(`${key} ${field}`, await explain(reader, c.id, field, normal))
  }
  const tables = new Map<string, string[]>()
  for (const name of await pluginTables(host)) {
    const rows = await host.db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)
    tables.set(name, rows.map((r) => JSON.stringify(normal(r))).sort())
  }
  return { profiles, explanations, tables }
}

async function explain(reader: Client, customerId: string, field: string, normal: (v: unknown) => unknown): Promise<unknown[]> {
  const changes: unknown[] = []
  for (let cursor: string | null = null; ; ) {
    const res = await reader.get(`/api/v1/customers/${customerId}/explain?field=${encodeURIComponent(field)}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    if (res.status !== 200) throw new Error(`explain ${field} answered ${res.status}`)
    const page = (await res.json()) as { changes: unknown[]; nextCursor: string | null }
    changes.push(...page.changes.map(normal))
    cursor = page.nextCursor
    if (!cursor) return changes
  }
}

/** Every plugin table: neither core's nor a migrations table. */
async function pluginTables(host: TestHost): Promise<string[]> {
  const rows = await host.db.all<{ name: string }>(host.db.dialect === 'sqlite'
    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
  return rows.map((r) => r.name).filter((name) => !name.startsWith('core_') && !name.endsWith('_migrations')).sort()
}

const namespaceOf = (name: string, separator: string) => name.split(separator)[0] ?? name
const union = <K>(a: Map<K, unknown>, b: Map<K, unknown>) => [...new Set([...a.keys(), ...b.keys()])]
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y)
const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value))

function firstDifference(x: readonly unknown[], y: readonly unknown[]): number {
  let i = 0
  while (i < x.length && i < y.length && same(x[i], y[i])) i++
  return i
}

/** The rows of `x` not matched one for one in `y`. */
function minus(x: readonly string[], y: readonly string[]): string[] {
  const left = new Map<string, number>()
  for (const row of y) left.set(row, (left.get(row) ?? 0) + 1)
  const out: string[] = []
  for (const row of x) {
    const n = left.get(row) ?? 0
    if (n > 0) left.set(row, n - 1)
    else out.push(row)
  }
  return out
}
