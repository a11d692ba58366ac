/**
 * @module
 * What PostgreSQL's backends wait on while a load runs: `pg_stat_activity` sampled every 50 ms,
 * each active backend counted under its wait (`Client:ClientRead` is the server waiting for the
 * next statement from the API process, `Lock:advisory` a profile lock held by another
 * transaction, `IO:WALSync` a COMMIT's flush; none is CPU) and the start of its statement. A
 * bench passes it the database URL before the measured load and prints the table after.
 * @example
 * const waits = sampleWaits(url); const r = await load(...); console.log(await waits.stop())
 */
import { openDatabase } from '@rapport/db'

const SAMPLE = `SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU') AS wait, LEFT(REGEXP_REPLACE(query, '\\s+', ' ', 'g'), 60) AS query
  FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`

/**
 * Starts sampling the backends of the database at `url`.
 * @returns `stop()`, which ends the sampling and gives the table (most frequent first)
 */
export function sampleWaits(url: string): { stop(): Promise<string> } {
  const counts = new Map<string, number>()
  let samples = 0
  let running = true
  const done = (async () => {
    const db = await openDatabase(url)
    try {
      while (running) {
        for (const row of await db.all<{ wait: string; query: string }>(SAMPLE)) counts.set(`${row.wait}  ${row.query}`, (counts.get(`${row.wait}  ${row.query}`) ?? 0) + 1)
        samples += 1
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    } finally {
      await db.close()
    }
  })()
  return {
    async stop() {
      running = false
      await done
      const byWait = new Map<string, number>()
      for (const [key, n] of counts) byWait.set(key.split('  ')[0]!, (byWait.get(key.split('  ')[0]!) ?? 0) + n)
      const per = (n: number) => (n / Math.max(1, samples)).toFixed(1).padStart(5)
      return [
        `PostgreSQL backends by wait, mean active per sample (${samples} samples):`,
        ...[...byWait].sort((a, b) => b[1] - a[1]).map(([wait, n]) => `  ${per(n)}  ${wait}`),
        'by wait and statement (top 12):',
        ...[...counts].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([key, n]) => `  ${per(n)}  ${key}`),
      ].join('\n')
    },
  }
}
