/**
 * @module
 * What the host keeps about itself: plugin states and failures, deliveries, jobs, settings,
 * the audit log, spent customer links and saved segments.
 */
import type { ColumnKit } from '@rapport/db'
import type { SegmentDefinition } from '../../segments/segment-schemas.js'

/**
 * The host tables, for one dialect's column kit (see core-schema.ts).
 * @param k - the dialect's column kit
 * @example
 * const { pluginStates } = hostTables(k)
 */
export function hostTables(k: ColumnKit) {
  /** Which plugins an admin enabled and their config; survives restarts. */
  const pluginStates = k.table('core_plugins', {
    name: k.text().primaryKey(),
    enabled: k.boolean().notNull(),
    config: k.json(),
    updatedAt: k.timestamp().notNull(),
    /** The last event seq the plugin has seen (migration 0009). */
    seenThroughSeq: k.bigint(),
    quarantinedAt: k.timestamp(),
    failuresClearedThrough: k.bigint(),
  })

  const pluginFailures = k.table('core_plugin_failures', {
    seq: k.serial(),
    plugin: k.text().notNull(),
    eventId: k.text().notNull(),
    eventSeq: k.bigint().notNull(),
    eventType: k.text().notNull(),
    kind: k.text().notNull(),
    handler: k.text().notNull(),
    code: k.text().notNull(),
    message: k.text().notNull(),
    details: k.json(),
    reason: k.text(),
    at: k.timestamp().notNull(),
  }, (t) => [k.index('core_plugin_failures_plugin_at').on(t.plugin, t.at)])

  const deliveries = k.table('core_deliveries', {
    id: k.text().primaryKey(),
    eventSeq: k.bigint().notNull(),
    eventId: k.text().notNull(),
    subscriber: k.text().notNull(),
    state: k.text().notNull().$type<'pending' | 'running' | 'done' | 'dead'>(),
    attempts: k.integer().notNull().default(0),
    maxAttempts: k.integer().notNull(),
    nextAttemptAt: k.timestamp().notNull(),
    claimedBy: k.text(),
    claimedUntil: k.timestamp(),
    /** The last failure's message, truncated; never the payload. */
    lastError: k.text(),
    createdAt: k.timestamp().notNull(),
    doneAt: k.timestamp(),
  }, (t) => [
    k.unique().on(t.eventId, t.subscriber),
    k.index('core_deliveries_due').on(t.state, t.nextAttemptAt),
    k.index('core_deliveries_created').on(t.createdAt, t.id),
  ])

  const jobRuns = k.table('core_job_runs', {
    id: k.text().primaryKey(),
    job: k.text().notNull(),
    trigger: k.text().notNull().$type<'schedule' | 'manual'>(),
    scheduledFor: k.timestamp().notNull(),
    startedAt: k.timestamp().notNull(),
    endedAt: k.timestamp(),
    outcome: k.text().notNull().$type<'running' | 'succeeded' | 'failed' | 'abandoned'>(),
    error: k.text(),
    progressDone: k.integer(),
    progressTotal: k.integer(),
    runner: k.text().notNull(),
  }, (t) => [k.unique().on(t.job, t.trigger, t.scheduledFor), k.index('core_job_runs_job_started').on(t.job, t.startedAt)])

  const jobLocks = k.table('core_job_locks', {
    job: k.text().primaryKey(),
    holder: k.text().notNull(),
    expiresAt: k.timestamp().notNull(),
  })

  /** Who changed what, when. Details never hold personal data. */
  const auditLog = k.table('core_audit_log', {
    seq: k.serial(),
    at: k.timestamp().notNull(),
    actorType: k.text().notNull(),
    actorId: k.text(),
    action: k.text().notNull(),
    targetType: k.text(),
    targetId: k.text(),
    details: k.json<Record<string, unknown>>().notNull().default({}),
    requestId: k.text(),
  }, (t) => [
    k.index('core_audit_log_at').on(t.at),
    k.index('core_audit_log_actor').on(t.actorId, t.seq),
    k.index('core_audit_log_action').on(t.action, t.seq),
    k.index('core_audit_log_target').on(t.targetType, t.seq),
  ])

  /** Small installation-wide settings (business time zone, demo flag). */
  const settings = k.table('core_settings', {
    key: k.text().primaryKey(),
    value: k.json().notNull(),
  })

  /** Single-use customer links already spent. */
  const linkUses = k.table('core_link_uses', {
    linkId: k.text().primaryKey(),
    usedAt: k.timestamp().notNull(),
  })

  /** One saved segment; `definition` is a SegmentDefinition. */
  const segments = k.table('core_segments', {
    id: k.text().primaryKey(),
    name: k.text().notNull(),
    definition: k.json<SegmentDefinition>().notNull(),
    createdBy: k.text(),
    createdAt: k.timestamp().notNull(),
    updatedAt: k.timestamp().notNull(),
  }, (t) => [k.index('core_segments_name').on(t.name)])

  return { pluginStates, pluginFailures, deliveries, jobRuns, jobLocks, auditLog, settings, linkUses, segments }
}
