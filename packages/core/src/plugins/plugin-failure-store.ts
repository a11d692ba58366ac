/**
 * @module
 * The record of plugins failing on events (`core_plugin_failures`) and of quarantines
 * (`core_plugins.quarantined_at`, `failures_cleared_through`): what the host writes when it drops
 * a plugin's work on an event, what it counts to decide a quarantine, and what
 * `GET /api/v1/plugins` shows of each plugin's failures.
 */
import type { Queryable } from '@rapport/db'
import { RapportError } from '../errors/index.js'
import type { StoredEvent } from '../events/event-log.js'
import type { CoreServices } from '../services.js'
import type { PluginFailurePolicy } from './plugin-failure-policy.js'

/** Where a plugin failed on an event and with what error (tagged, coded). */
export type PluginFailure = { plugin: string; kind: 'rule' | 'subscriber'; handler: string; error: RapportError }

/** A recorded failure, as the API shows the last one of a plugin. */
export type RecordedFailure = {
  at: string
  event: { id: string; seq: number; type: string }
  kind: 'rule' | 'subscriber'
  handler: string
  error: { code: string; message: string; details?: unknown }
  /** The message of what the plugin threw, when it threw something other than a coded error. */
  reason: string | null
}

/** A plugin's failures: all recorded, those that count towards a quarantine now, the last one. */
export type FailureSummary = { total: number; recent: number; last: RecordedFailure | null }

const REASON_MAX = 500
const INSERT = `INSERT INTO core_plugin_failures (plugin, event_id, event_seq, event_type, kind, handler, code, message, details, reason, at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** The message of the first cause that is not a coded error: what the plugin itself threw. */
function reasonOf(error: RapportError): string | null {
  const cause = error.cause
  if (cause === undefined || cause instanceof RapportError) return null
  const text = cause instanceof Error ? cause.message : String(cause)
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text
}

/**
 * Records each failure with the event, in the event's transaction, logs it, and tells the host,
 * which quarantines a plugin that failed too often once this transaction ends.
 * @example await recordPluginFailures(s, tx, event, [{ plugin: 'churn-risk', kind: 'rule', handler: 'order-history', error }])
 */
export async function recordPluginFailures(s: CoreServices, tx: Queryable, event: StoredEvent, failures: readonly PluginFailure[]): Promise<void> {
  const at = s.now().toISOString()
  for (const { plugin, kind, handler, error } of failures) {
    await tx.run(INSERT, [
      plugin, event.id, event.seq, event.type, kind, handler, error.code, error.message,
      error.details === undefined ? null : JSON.stringify(error.details), reasonOf(error), at,
    ])
    s.log.error({ plugin, kind, handler, code: error.code, eventId: event.id, err: error.cause ?? error }, 'plugin failed on an event: its work on it was dropped, the others applied it')
  }
  for (const plugin of new Set(failures.map((f) => f.plugin))) s.runtime.pluginFailed(plugin)
}

const RECENT = `SELECT COUNT(*) AS n, MIN(f.event_seq) AS first_seq FROM core_plugin_failures f
  WHERE f.plugin = ? AND f.at > ? AND f.seq > COALESCE((SELECT failures_cleared_through FROM core_plugins WHERE name = ?), 0)`

/**
 * The failures of a plugin that count towards a quarantine: within the policy's window, and since
 * an admin last enabled it after a quarantine; with the seq of the earliest event among them.
 * @example const { count, firstEventSeq } = await countRecentFailures(tx, 'churn-risk', policy, s.now())
 */
export async function countRecentFailures(q: Queryable, plugin: string, policy: PluginFailurePolicy, now: Date): Promise<{ count: number; firstEventSeq: number | null }> {
  const row = await q.get<{ n: number | string; first_seq: number | string | null }>(RECENT, [plugin, windowStart(policy, now), plugin])
  return { count: Number(row?.n ?? 0), firstEventSeq: row?.first_seq === null || row?.first_seq === undefined ? null : Number(row.first_seq) }
}

const SUMMARIES = `SELECT f.plugin AS plugin, COUNT(*) AS total, MAX(f.seq) AS last_seq,
  SUM(CASE WHEN f.at > ? AND f.seq > COALESCE(p.failures_cleared_through, 0) THEN 1 ELSE 0 END) AS recent
  FROM core_plugin_failures f LEFT JOIN core_plugins p ON p.name = f.plugin GROUP BY f.plugin`
type FailureRow = { seq: number; event_id: string; event_seq: number | string; event_type: string; kind: 'rule' | 'subscriber'; handler: string; code: string; message: string; details: string | null; reason: string | null; at: string }

/**
 * Every plugin's failure summary, by plugin name (a plugin that never failed is absent).
 * @example const summaries = await loadFailureSummaries(s.db, policy, s.now())
 */
export async function loadFailureSummaries(q: Queryable, policy: PluginFailurePolicy, now: Date): Promise<Map<string, FailureSummary>> {
  const counts = await q.all<{ plugin: string; total: number | string; recent: number | string | null; last_seq: number | string }>(SUMMARIES, [windowStart(policy, now)])
  if (counts.length === 0) return new Map()
  const lastSeqs = counts.map((c) => Number(c.last_seq))
  const rows = await q.all<FailureRow>(`SELECT * FROM core_plugin_failures WHERE seq IN (${lastSeqs.map(() => '?').join(', ')})`, lastSeqs)
  const last = new Map(rows.map((r) => [Number(r.seq), r]))
  return new Map(counts.map((c) => {
    const row = last.get(Number(c.last_seq))
    return [c.plugin, { total: Number(c.total), recent: Number(c.recent ?? 0), last: row ? recordedFailure(row) : null }]
  }))
}

const recordedFailure = (r: FailureRow): RecordedFailure => ({
  at: r.at,
  event: { id: r.event_id, seq: Number(r.event_seq), type: r.event_type },
  kind: r.kind, handler: r.handler,
  error: { code: r.code, message: r.message, ...(r.details === null ? {} : { details: JSON.parse(r.details) }) },
  reason: r.reason,
})

const windowStart = (policy: PluginFailurePolicy, now: Date) => new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString()

/**
 * Marks a plugin quarantined (or not). Lifting the quarantine also stops its failures so far from
 * counting towards the next one. Its state row must exist.
 * @example await setQuarantined(tx, 'churn-risk', s.now())   // quarantine
 * @example await setQuarantined(tx, 'churn-risk', null)      // lift it (enable)
 */
export async function setQuarantined(tx: Queryable, plugin: string, at: Date | null): Promise<void> {
  if (at) await tx.run('UPDATE core_plugins SET quarantined_at = ? WHERE name = ?', [at.toISOString(), plugin])
  else {
    await tx.run(`UPDATE core_plugins SET quarantined_at = NULL,
      failures_cleared_through = (SELECT MAX(seq) FROM core_plugin_failures WHERE plugin = ?) WHERE name = ?`, [plugin, plugin])
  }
}

/**
 * The plugins stored as quarantined, with when.
 * @example if ((await loadQuarantined(db)).has('churn-risk')) …
 */
export async function loadQuarantined(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.all<{ name: string; quarantined_at: string }>('SELECT name, quarantined_at FROM core_plugins WHERE quarantined_at IS NOT NULL')
  return new Map(rows.map((r) => [r.name, r.quarantined_at]))
}
