/**
 * `rapport import orders` on the command line goes through the plugins as the HTTP import does:
 * their rules score each order at its own date, and their jobs run between the orders at their own
 * times (here: points earned at the order's date, then expired a year later, long before today).
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { openDatabase } from '@rapport/db'
import { describe, expect, it } from 'vitest'
import { runCli, tempEnv } from './cli-process.js'

describe('rapport import orders as a process', () => {
  it('runs every order through the plugins on its own date and replays their jobs through the history', async () => {
    const env = tempEnv()
    const dir = dirname(env.DATABASE_URL!)
    writeFileSync(join(dir, 'customers.csv'), 'externalId,name\nc-1,Wang Fang\n')
    writeFileSync(join(dir, 'orders.csv'), 'orderId,customerExternalId,amount,currency,occurredAt\nO-1,c-1,129.00,CNY,2025-01-10T10:00:00+08:00\nO-2,c-1,80.00,CNY,2025-03-02T15:30:00+08:00\n')
    for (const kind of ['customers', 'orders']) {
      const run = await runCli(['import', kind, join(dir, `${kind}.csv`)], env)
      expect(run.code, run.stdout + run.stderr).toBe(0)
    }

    const db = await openDatabase(env.DATABASE_URL!)
    try {
      const events = await db.all<{ type: string; occurred_at: string }>("SELECT type, occurred_at FROM core_events WHERE type LIKE 'points.%' ORDER BY seq")
      const earned = events.filter((e) => e.type === 'points.earned').map((e) => new Date(e.occurred_at).toISOString())
      expect(earned).toEqual(['2025-01-10T02:00:00.000Z', '2025-03-02T07:30:00.000Z'])
      // The expiry job ran as of the history's dates: each lot expired a year after its order, not today.
      const expired = events.filter((e) => e.type === 'points.expired').map((e) => e.occurred_at)
      expect(expired.length).toBeGreaterThan(0)
      for (const at of expired) expect(new Date(at).getTime()).toBeLessThan(Date.parse('2026-06-01T00:00:00Z'))
    } finally {
      await db.close()
    }
  }, 180_000)
})
