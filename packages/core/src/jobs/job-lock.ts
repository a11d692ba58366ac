/**
 * @module
 * The per-job lock in `core_job_locks`: at most one run of a job in progress across every
 * process on the database. The holder is the run id; it renews `expires_at` while it runs, and
 * an expired lock (its runner crashed) may be taken over.
 */
import type { Queryable } from '@rapport/db'

const HOLDER = 'SELECT holder FROM core_job_locks WHERE job = ?'
const ACQUIRE = `INSERT INTO core_job_locks (job, holder, expires_at) VALUES (?, ?, ?)
  ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE core_job_locks.expires_at < ?`
const RENEW = 'UPDATE core_job_locks SET expires_at = ? WHERE job = ? AND holder = ?'
const RELEASE = 'DELETE FROM core_job_locks WHERE job = ? AND holder = ?'
const ABANDON = "UPDATE core_job_runs SET outcome = 'abandoned', ended_at = ?, error = ? WHERE id = ? AND outcome = 'running'"

/**
 * Takes the lock of `job` for the run `holder` until `until`, if it is free or expired. When it
 * takes over an expired lock, the run that held it is marked abandoned.
 * @returns true when this run holds the lock
 * @example if (!(await acquireJobLock(db, job, runId, now, until))) throw jobErrors.ALREADY_RUNNING({ job })
 */
export async function acquireJobLock(db: Queryable, job: string, holder: string, now: Date, until: Date): Promise<boolean> {
  const previous = await db.get<{ holder: string }>(HOLDER, [job])
  const { changes } = await db.run(ACQUIRE, [job, holder, until.toISOString(), now.toISOString()])
  if (changes !== 1) return false
  if (previous && previous.holder !== holder) {
    await db.run(ABANDON, [now.toISOString(), 'Its runner stopped renewing the job lock (crashed or hung)', previous.holder])
  }
  return true
}

/**
 * Extends the lock while the run goes on; false when the lock was lost (it expired and was taken over).
 * @example if (!(await renewJobLock(db, job, runId, until))) controller.abort()
 */
export async function renewJobLock(db: Queryable, job: string, holder: string, until: Date): Promise<boolean> {
  return (await db.run(RENEW, [until.toISOString(), job, holder])).changes === 1
}

/**
 * Releases the lock if this run still holds it.
 * @example await releaseJobLock(db, job, runId)
 */
export async function releaseJobLock(db: Queryable, job: string, holder: string): Promise<void> {
  await db.run(RELEASE, [job, holder])
}
