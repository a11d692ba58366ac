/**
 * @module
 * Compares the state two test hosts reached from the same history: every customer's profile,
 * the explanation of every field (each change: when, what, by which rule or plugin, caused by
 * which event) and every row of every plugin table. Only what is by nature per run is left out:
 * generated ids (a customer is named by its external id, an event by its idempotency key, any
 * other generated id becomes `<id>`), the interleaving of different customers' rows in a table's
 * autoincrement `seq`/`id` (it follows those ids; each customer's own order is compared), and
 * core's bookkeeping tables (the log's `recordedAt`, job runs, sessions, audit), which are not
 * compared at all. Everything else must be equal, bit for bit.
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
    // Alternately, so a report shows both sides of a difference.
    for (let i = 0; i < Math.max(onlyLeft.length, onlyRight.length); i++) {
      if (i < onlyLeft.length) push({ area: 'table', namespace: tableNamespace(table), detail: `${table} only in the first: ${onlyLeft[i]}` })
      if (i < onlyRight.length) push({ area: 'table', namespace: tableNamespace(table), detail: `${table} only in the second: ${onlyRight[i]}` })
    }
  }
  return out
}

async function snapshot(host: TestHost): Promise<Snapshot> {
  // An API key, not a session: the fake clock may have moved past any session's lifetime.
  const reader = host.as({ apiKey: await host.apiKey(['customers:read']) })
  const customers = new Map((await host.db.all<{ id: string; external_id: string | null }>('SELECT id, external_id FROM core_customers')).map((c) => [c.id, c.external_id ?? c.id]))
  const events = new Map((await host.db.all<{ id: string; idempotency_key: string }>('SELECT id, idempotency_key FROM core_events')).map((e) => [e.id, e.idempotency_key]))
  // Keys hold ids too (a cascade's key names its customer and the event it follows): names are normalised in turn.
  const nameOf = (id: string): string => {
    const external = customers.get(id)
    if (external !== undefined) return `customer:${external}`
    const key = events.get(id)
    if (key !== undefined) return `event:${key.replace(GENERATED_ID, nameOf)}`
    return `<id:${id.split('_')[0]}>`
  }
  const normal = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(GENERATED_ID, nameOf)
    if (Array.isArray(value)) return value.map(normal)
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]))
    return value
  }
  const profiles = new Map<string, Record<string, unknown>>()
  const explanations = new Map<string, unknown[]>()
  for (const id of customers.keys()) {
    const key = nameOf(id)
    const profile = normal(await host.profile(id)) as Record<string, unknown>
    profiles.set(key, profile)
    for (const field of Object.keys(profile)) explanations.set(`${key} ${field}`, await explain(reader, id, field, normal))
  }
  const tables = new Map<string, string[]>()
  for (const name of await pluginTables(host)) {
    const rows = rankWithinCustomer(await host.db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`))
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

/**
 * A row's autoincrement number (`seq` or `id`) becomes its rank among the same customer's rows. The
 * order of one customer's rows is compared; how rows of different customers written by one job run
 * interleave is not: a job goes through customers in id order, and ids are made anew in each run.
 */
function rankWithinCustomer(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const column = ['seq', 'id'].find((c) => rows.length > 0 && 'customer_id' in rows[0]! && rows.every((r) => typeof r[c] === 'number' || (typeof r[c] === 'string' && /^\d+$/.test(r[c] as string))))
  if (!column) return rows
  const byCustomer = new Map<unknown, Array<Record<string, unknown>>>()
  for (const row of rows) {
    const list = byCustomer.get(row.customer_id)
    if (list) list.push(row)
    else byCustomer.set(row.customer_id, [row])
  }
  return [...byCustomer.values()].flatMap((list) =>
    list.sort((a, b) => Number(a[column]) - Number(b[column])).map((row, rank) => ({ ...row, [column]: `#${rank + 1} of the customer's rows` })))
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
