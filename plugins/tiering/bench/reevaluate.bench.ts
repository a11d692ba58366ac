/**
 * The full re-evaluation of N customers with 10·N orders (default 100,000 and 1,000,000) on
 * SQLite, versus a raw SQL baseline in the same run: one GROUP BY with NTILE(5) into a table.
 * Orders are loaded straight into tiering's tables (set-based), then the job runs twice: first
 * with everyone new (every customer's profile, history and events written), then a day later
 * (only the customers whose values moved). Each step reports its wall time and the CPU time of
 * this process (all work here runs in it: SQLite in-process), because on a machine shared with
 * other work the wall time moves with the load while the CPU time hardly does; both ratios are
 * printed. Peak RSS of the process is reported.
 * Run: `pnpm --filter @rapport/plugin-tiering bench` (env `TIERING_BENCH_CUSTOMERS`).
 */
import { createTestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'

const customers = Number(process.env.TIERING_BENCH_CUSTOMERS ?? 100_000)
const orders = customers * 10
const DAY_MS = 86_400_000

let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 50)

const host = await createTestHost({ plugins: [tiering], dialect: 'sqlite' })
const db = host.db
const now = host.now()
const since = new Date(now.getTime() - 365 * DAY_MS).toISOString()

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ seconds: number; cpu: number; result: T }> {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const result = await run()
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpuStarted)
  const cpu = (used.user + used.system) / 1e6
  console.log(`${label}: ${seconds.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)`)
  return { seconds, cpu, result }
}

await timed(`load ${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders`, async () => {
  // Order i belongs to customer i % N, spends 1–500 yuan and lies 0–499 days back (some outside the window).
  await db.exec(`INSERT INTO tiering_orders (order_id, customer_id, amount_minor, refunded_minor, currency, occurred_at)
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${orders - 1})
    SELECT 'o' || i, 'c' || (i % ${customers}), 100 * (1 + (i * 7919) % 500), 0, 'CNY',
      strftime('%Y-%m-%dT%H:%M:%fZ', '${now.toISOString()}', '-' || ((i * 104729) % 500) || ' days') FROM seq`)
  await db.exec(`INSERT INTO tiering_customers (customer_id, orders, spend_minor, first_order_at, last_order_at, last_order_day, avg_gap_days)
    SELECT customer_id, COUNT(*), SUM(amount_minor), MIN(occurred_at), MAX(occurred_at), CAST(julianday(MAX(occurred_at)) - 2440587.5 AS INTEGER),
      (julianday(MAX(occurred_at)) - julianday(MIN(occurred_at))) / (COUNT(*) - 1)
    FROM tiering_orders GROUP BY customer_id`)
})

// The baseline runs three times (into three tables) and its fastest wall and CPU times count, so
// the ratios are never flattered by one slow baseline run on a busy machine.
const baselines = []
for (const i of [1, 2, 3]) {
  baselines.push(await timed(`baseline ${i}: one GROUP BY with NTILE(5) into a table`, () => db.exec(`CREATE TABLE bench_baseline_${i} AS
  SELECT customer_id, NTILE(5) OVER (ORDER BY MAX(occurred_at)) AS r, NTILE(5) OVER (ORDER BY COUNT(*)) AS f, NTILE(5) OVER (ORDER BY SUM(amount_minor)) AS m
  FROM tiering_orders WHERE occurred_at >= '${since}' GROUP BY customer_id`)))
}
const baseline = { seconds: Math.min(...baselines.map((b) => b.seconds)), cpu: Math.min(...baselines.map((b) => b.cpu)) }

const ratio = (run: { seconds: number; cpu: number }) =>
  `${(run.seconds / baseline.seconds).toFixed(2)}× the baseline (CPU ${(run.cpu / baseline.cpu).toFixed(2)}×)`

const first = await timed('full re-evaluation, everyone new (POST /reevaluate)', async () => host.json(await host.http.post('/api/p/tiering/reevaluate')))
host.advance(DAY_MS)
// a day later the owner's test session has expired on the fake clock: run the scheduled job itself
const nightly = await timed('full re-evaluation a day later (job tiering:reevaluate)', () => host.runJob('tiering:reevaluate'))
clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss)

const moved = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM tiering_customers WHERE evaluated_at > ?`, [now.toISOString()])
console.log(JSON.stringify({ first: { customers: first.result.customers, changed: first.result.changed }, nightly: { changed: Number(moved?.n ?? 0) } }))
console.log(`ratio, everyone new: ${ratio(first)}`)
console.log(`ratio, a day later: ${ratio(nightly)} (aim ≤ 1.5×)`)
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`)
await host.close()
