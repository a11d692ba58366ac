/**
 * @module
 * Tables of after-commit deliveries and scheduled jobs. All times are ISO-8601 UTC text, so
 * `next_attempt_at <= ?` and `expires_at < ?` compare alike on SQLite and PostgreSQL.
 */
import { t, table } from '@rapport/db'

/**
 * One event to hand to one after-commit subscriber (`<plugin>:<subscription id>`): queued in the
 * event's transaction, claimed and run by a delivery worker after commit, at least once.
 * @example await db.all("SELECT id FROM core_deliveries WHERE state = 'dead'")
 */
export const deliveries = table('core_deliveries', {
  id: t.text().primaryKey(),
  eventSeq: t.bigint().notNull(),
  eventId: t.text().notNull(),
  subscriber: t.text().notNull(),
  /** 'pending' | 'running' | 'done' | 'dead' */
  state: t.text().notNull(),
  attempts: t.integer().notNull().default(0),
  maxAttempts: t.integer().notNull(),
  nextAttemptAt: t.timestamp().notNull(),
  claimedBy: t.text(),
  claimedUntil: t.timestamp(),
  /** The last failure's message, truncated; never the payload. */
  lastError: t.text(),
  createdAt: t.timestamp().notNull(),
  doneAt: t.timestamp(),
}, {
  uniques: [['eventId', 'subscriber']],
  indexes: [
    { name: 'core_deliveries_due', columns: ['state', 'nextAttemptAt'] },
    { name: 'core_deliveries_created', columns: ['createdAt', 'id'] },
  ],
})

/**
 * One run of a plugin job (`<plugin>:<name>`). The unique (job, trigger, scheduled_for) makes a
 * schedule slot run once however many processes tick for it.
 * @example await db.all('SELECT outcome FROM core_job_runs WHERE job = ? ORDER BY started_at DESC', ['points-membership:expire'])
 */
export const jobRuns = table('core_job_runs', {
  id: t.text().primaryKey(),
  job: t.text().notNull(),
  /** 'schedule' | 'manual' */
  trigger: t.text().notNull(),
  /** The schedule slot; for a manual run, the request time. */
  scheduledFor: t.timestamp().notNull(),
  startedAt: t.timestamp().notNull(),
  endedAt: t.timestamp(),
  /** 'running' | 'succeeded' | 'failed' | 'abandoned' */
  outcome: t.text().notNull(),
  error: t.text(),
  progressDone: t.integer(),
  progressTotal: t.integer(),
  runner: t.text().notNull(),
}, {
  uniques: [['job', 'trigger', 'scheduledFor']],
  indexes: [{ name: 'core_job_runs_job_started', columns: ['job', 'startedAt'] }],
})

/**
 * At most one run of a job at a time across processes: the holder (a run id) renews
 * `expires_at` while it runs; an expired lock may be taken over.
 * @example await db.get('SELECT holder FROM core_job_locks WHERE job = ?', [job])
 */
export const jobLocks = table('core_job_locks', {
  job: t.text().primaryKey(),
  holder: t.text().notNull(),
  expiresAt: t.timestamp().notNull(),
})

/** The tables of migration `0003_deliveries_jobs`, in creation order. */
export const deliveryJobTables = [deliveries, jobRuns, jobLocks]
