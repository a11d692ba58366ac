/**
 * @module
 * Writes the demo data set into an empty database and creates the demo owner `admin@example.com` /
 * `rapport-demo`. Two years of history, in time order, through the same paths a live shop uses:
 * orders and refunds through the event write path (each handled at its own `occurredAt`), and
 * between them what staff and customers did through the plugins' routes (surveys answered,
 * complaints handled, rewards redeemed, win-back offers), each at its own time, with the
 * plugins' scheduled jobs replayed as of past times between them (see demo-job-replay.ts).
 */
import { atBusinessTime, createUser, systemActor, upsertCustomerByExternalId, validateEvent, writeEvents, type CoreServices, type ValidEvent } from '@rapport/core'
import { demoClient, type DemoFetch } from './demo-client.js'
import { demoJobReplay } from './demo-job-replay.js'
import { generateDemoData, startOfUtcDay, type DemoOptions } from './demo-data.js'
import { DAY_MS } from './demo-time.js'
import { planDemo } from './plan-demo.js'
import { runDemoStep, type DemoRunState } from './run-demo-step.js'

export type SeedOptions = DemoOptions & {
  onProgress?: (message: string) => void
  /** The app, for the staff and customer actions through the plugins' routes; without it only orders are seeded. */
  fetch?: DemoFetch
  /** Replay the plugins' scheduled jobs as of their slots through the history (default true). */
  replayJobs?: boolean
}

export const DEMO_OWNER = { email: 'admin@example.com', password: 'rapport-demo', name: 'Demo Owner', role: 'owner' as const }

const BATCH = 1000

/**
 * Customers in the first start's demo. Two years of every plugin's history for 300 customers
 * (5,502 events, 1,270 staff and customer actions, 3,174 replayed job runs) took 27 s (15 s of
 * CPU) on a loaded two-core machine; the generator's 2,000 took 1,135 s (244 s of CPU).
 * `rapport seed-demo --customers N` seeds a bigger shop.
 */
export const DEMO_CUSTOMERS = 300

/**
 * Seeds when the database has no customers and no users; returns whether it did.
 * @example if (await seedDemo(services, { customers: 40, fetch: app.fetch })) console.log('demo data ready')
 */
export async function seedDemo(s: CoreServices, { onProgress, fetch, replayJobs = true, ...options }: SeedOptions = {}): Promise<boolean> {
  const existing = await s.db.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM core_customers) + (SELECT COUNT(*) FROM core_users) AS n')
  if ((existing?.n ?? 0) > 0) return false
  const end = (options.endDate ?? startOfUtcDay(s.now())).getTime()
  const months = options.months ?? 24
  const seed = options.seed ?? 20_260_101
  const { customers, orders, refunds, stories } = generateDemoData({ ...options, customers: options.customers ?? DEMO_CUSTOMERS, endDate: new Date(end), months, seed })
  const ids = new Map<string, string>()
  const owner = await s.db.tx(async (tx) => {
    const user = await createUser(tx, DEMO_OWNER, s.now())
    for (const { externalId, createdAt, ...fields } of customers) {
      const { customer } = await upsertCustomerByExternalId(tx, s, externalId, fields)
      await tx.run('UPDATE core_customers SET created_at = ?, updated_at = ? WHERE id = ?', [createdAt, createdAt, customer.id])
      ids.set(externalId, customer.id)
    }
    return user
  })
  onProgress?.(`${customers.length} customers`)
  const plugins = new Set(s.runtime.active().map((p) => p.definition.name))
  const start = Math.min(end - months * 30.4 * DAY_MS, ...orders.slice(0, 1).map((o) => Date.parse(o.occurredAt)))
  const steps = fetch ? planDemo({ customers, orders, stories, start, end, seed, plugins }) : []
  const api = fetch ? await demoClient(s, fetch, { id: owner.id, ...DEMO_OWNER }) : undefined
  const state: DemoRunState = { customerIds: ids, surveys: {}, refs: new Map(), refused: new Map() }
  // Orders go through the same validation and write path as POST /api/v1/events, so the
  // enabled plugins' scoring rules and subscribers see the demo history as they would see live orders.
  const events = [...orders, ...refunds].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).map(toValidEvent)
  const jobs = replayJobs ? demoJobReplay(s, start) : undefined
  let written = 0
  const spent = { orders: phase(), jobs: phase(), actions: phase() }
  /** Writes the events before `until` in batches, then runs the jobs due through `until`. */
  const advanceTo = async (until: string) => {
    let next = written
    while (next < events.length && events[next]!.occurredAt < until) next++
    for (let from = written; from < next; from += BATCH) {
      await spent.orders.time(() => s.db.tx((tx) => writeEvents(tx, s, events.slice(from, Math.min(next, from + BATCH)), { source: 'demo', actor: systemActor('demo'), customerIds: ids })))
    }
    if (Math.floor(next / 5000) > Math.floor(written / 5000)) onProgress?.(`${next} / ${events.length} events`)
    written = next
    if (jobs) await spent.jobs.time(() => jobs.through(Math.min(Date.parse(until), end)))
  }
  // Stops: every step, and every day's start, so the daily jobs run between the days' events.
  let day = Math.ceil(start / DAY_MS) * DAY_MS
  for (const step of steps) {
    for (; new Date(day).toISOString() <= step.at; day += DAY_MS) await advanceTo(new Date(day).toISOString())
    await advanceTo(step.at)
    await spent.actions.time(() => atBusinessTime(step.at, () => runDemoStep(api!, state, step)))
  }
  for (; day <= end; day += DAY_MS) await advanceTo(new Date(day).toISOString())
  await advanceTo('9999')
  onProgress?.(`${events.length} events, ${steps.length} staff and customer actions, ${Object.values(jobs?.summary.runs ?? {}).reduce((a, b) => a + b, 0)} job runs${state.refused.size ? ` (refused as a real shop would see: ${[...state.refused].map(([code, n]) => `${code} ${n}`).join(', ')})` : ''}`)
  onProgress?.(`time spent (wall / CPU of this process): ${Object.entries(spent).map(([name, p]) => `${name} ${p.toString()}`).join(', ')}`)
  if (jobs) onProgress?.(`job replay: ${Object.entries(jobs.summary.runs).map(([key, n]) => `${key} ${n} runs ${Math.round(jobs.summary.ms[key] ?? 0)} ms`).join(', ')}`)
  return true
}

/** Wall and CPU time spent in one kind of demo work (the CPU moves less with the machine's load). */
function phase() {
  let wall = 0
  let cpu = 0
  return {
    async time<T>(work: () => Promise<T>): Promise<T> {
      const [w, c] = [performance.now(), process.cpuUsage()]
      try {
        return await work()
      } finally {
        const used = process.cpuUsage(c)
        wall += performance.now() - w
        cpu += (used.user + used.system) / 1000
      }
    },
    toString: () => `${(wall / 1000).toFixed(1)} s / ${(cpu / 1000).toFixed(1)} s`,
  }
}

function toValidEvent(input: unknown): ValidEvent {
  const check = validateEvent(input)
  if (!check.ok) throw new Error(`demo event ${check.id} is invalid: ${JSON.stringify(check.errors)}`)
  return check.event
}
