/**
 * @module
 * Quarantine: a plugin that failed on too many events within the policy's window stops seeing
 * events and serving routes (state `failed`, PLUGIN_QUARANTINED) while the others go on. Its
 * watermark is put just before the first event it failed on among those counted, so when an admin
 * enables it again (fixed, after an upgrade) the catch-up replays them and everything after.
 */
import type { Queryable } from '@rapport/db'
import type { CoreServices } from '../services.js'
import type { PluginFailurePolicy } from './plugin-failure-policy.js'
import { countRecentFailures, setQuarantined } from './plugin-failure-store.js'
import { pluginErrors } from './plugin-errors.js'
import { writeWatermark } from './plugin-watermark.js'

/** What the plugin's status shows while it is quarantined. */
export type QuarantineError = { code: string; message: string; details: { plugin: string; failures: number; windowMinutes: number; at: string } }

/**
 * The status error of a quarantined plugin.
 * @example entry.status = { state: 'failed', error: quarantineError('churn-risk', 5, policy, now) }
 */
export function quarantineError(plugin: string, failures: number, policy: PluginFailurePolicy, at: Date | string): QuarantineError {
  const e = pluginErrors.QUARANTINED({ plugin, failures, windowMinutes: policy.windowMinutes, at: typeof at === 'string' ? at : at.toISOString() })
  return { code: e.code, message: e.message, details: e.details! }
}

/**
 * In the caller's transaction, which holds the event log lock: quarantines the plugin when its
 * recent failures reach the policy's limit, and returns how many there were; otherwise undefined.
 * @example await s.db.tx(async (tx) => { await lockEventLog(tx); const hit = await quarantineIfFailing(s, tx, name, policy) })
 */
export async function quarantineIfFailing(s: CoreServices, tx: Queryable, plugin: string, policy: PluginFailurePolicy): Promise<QuarantineError | undefined> {
  const now = s.now()
  const { count, firstEventSeq } = await countRecentFailures(tx, plugin, policy, now)
  if (count < policy.limit || firstEventSeq === null) return undefined
  await setQuarantined(tx, plugin, now)
  // Every event before the first counted failure was applied; from it on, the catch-up replays.
  await writeWatermark(tx, plugin, firstEventSeq - 1)
  return quarantineError(plugin, count, policy, now)
}
