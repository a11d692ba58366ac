/**
 * What churn-risk adds to one order, and what its nightly re-score costs, on SQLite in one
 * process (all work here runs in it), as CPU time per order of this process beside a baseline
 * measured in the same run: the same orders into a host with no plugin (core alone). On a
 * machine shared with other work the wall time moves with the load while the CPU time hardly
 * does, so the ratio is of CPU times (the wall ratio is printed too).
 * - `order`: `order.completed` for existing customers at random (each with a history), through
 *   the host's event path: churn-risk's rules, the in-transaction re-score, the mirrored fields;
 * - `nightly`: the scheduled re-score of every customer a day later.
 * Order: warm-ups, core alone, churn-risk, core alone again (the two core runs averaged).
 * Run: `pnpm --filter @rapport/plugin-churn-risk bench` (env CHURN_BENCH_ORDERS, default 4000;
 * CHURN_BENCH_CUSTOMERS, default 2000).
 */
import { createTestHost, type TestHost } from '@rapport/plugin-sdk/testing'
import churnRisk from '../server/index.js'

const orders = Number(process.env.CHURN_BENCH_ORDERS ?? 4_000)
const customers = Number(process.env.CHURN_BENCH_CUSTOMERS ?? 2_000)
const DAY_MS = 86_400_000

type Run = { seconds: number; cpu: number }

async function timed(label: string, count: number, run: () => Promise<unknown>): Promise<Run> {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  await run()
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpuStarted)
  const cpu = (used.user + used.system) / 1e6
  console.log(`${label}: ${seconds.toFixed(2)} s, ${((cpu * 1000) / count).toFixed(3)} ms CPU per item (${Math.round(count / seconds)}/s)`)
  return { seconds, cpu }
}

/** A host with `customers` customers, each with three past orders 20 days apart. */
async function hostWith(plugins: Parameters<typeof createTestHost>[0]['plugins']): Promise<{ host: TestHost; ids: string[] }> {
  const host = await createTestHost({ plugins, dialect: 'sqlite' })
  const ids: string[] = []
  for (let i = 0; i < customers; i++) ids.push(await host.customer())
  const now = host.now().getTime()
  for (const [k, id] of ids.entries()) {
    for (let j = 3; j >= 1; j--) {
      await host.emit('order.completed', id, { orderId: `h-${k}-${j}`, amountMinor: 10_000 + j, currency: 'CNY' }, { occurredAt: new Date(now - j * 20 * DAY_MS).toISOString() })
    }
  }
  return { host, ids }
}

let n = 0
/** `count` orders for customers at random, 64 at a time (as concurrent requests would come). */
async function orderRun({ host, ids }: { host: TestHost; ids: string[] }, count: number): Promise<void> {
  for (let i = 0; i < count; i += 64) {
    await Promise.all(Array.from({ length: Math.min(64, count - i) }, () => {
      const id = ids[Math.floor(Math.random() * ids.length)]!
      return host.emit('order.completed', id, { orderId: `b-${n++}`, amountMinor: 12_900, currency: 'CNY' })
    }))
  }
}

const core = await hostWith([])
const churn = await hostWith([churnRisk])
console.log(`${customers.toLocaleString('en')} customers with 3 orders each, ${orders.toLocaleString('en')} orders per run`)
await orderRun(core, 500)
await orderRun(churn, 500)
const core1 = await timed('core alone', orders, () => orderRun(core, orders))
const withChurn = await timed('with churn-risk', orders, () => orderRun(churn, orders))
const core2 = await timed('core alone', orders, () => orderRun(core, orders))
const base = { seconds: (core1.seconds + core2.seconds) / 2, cpu: (core1.cpu + core2.cpu) / 2 }
console.log(`ratio churn-risk / core alone per order: CPU ${(withChurn.cpu / base.cpu).toFixed(2)}×, wall ${(withChurn.seconds / base.seconds).toFixed(2)}×`)
console.log(`churn-risk's own CPU per order: ${(((withChurn.cpu - base.cpu) * 1000) / orders).toFixed(3)} ms`)

churn.host.advance(DAY_MS)
await timed('nightly re-score a day later', customers, () => churn.host.runJob('churn-risk:nightly-rescore'))
await core.host.close()
await churn.host.close()
