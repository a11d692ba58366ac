/**
 * @module
 * Applies a plugin's profile changes: checks each field is the plugin's own and each value fits
 * its kind, computes the next value, writes it (or removes it) and records one change row with
 * its source. Nothing is written or recorded for a change that leaves the value as it was.
 */
import type { Queryable } from '@rapport/db'
import type { ProfileChanges, ProfileValue } from '../plugins/contract.js'
import { businessNow } from '../events/event-clock.js'
import type { CoreServices } from '../services.js'
import { lockProfile } from './lock-profile.js'
import { planProfileChanges, type PlannedChange, type ProfileChangeSource } from './plan-changes.js'
import { loadProfileValues } from './read-profile.js'
import { writePlannedChanges } from './write-planned-changes.js'

export type { ProfileChangeSource } from './plan-changes.js'

/** What {@link applyProfileChanges} takes. */
export type ApplyProfileChangesInput = {
  customerId: string
  /** The plugin making the changes: every field must be its own. */
  plugin: string
  changes: ProfileChanges
  source: ProfileChangeSource
  /** The event that caused the changes, when there is one. */
  eventSeq?: number
}

/**
 * Applies changes to one customer's profile inside the caller's transaction and records each
 * real change. Throws (tagged with the plugin, status 500) PLUGIN_FIELD_UNKNOWN,
 * PLUGIN_FIELD_FOREIGN or PLUGIN_CHANGE_INVALID before writing anything.
 * @param s - the services (the runtime knows which plugin declares which field)
 * @param tx - the open transaction
 * @param input - customer, plugin, changes, source and the causing event
 * @example
 * await applyProfileChanges(s, tx, { customerId, plugin: 'points-membership', changes: { 'points.balance': { add: 50 } }, source: { kind: 'plugin', id: 'earn' }, eventSeq: event.seq })
 */
export async function applyProfileChanges(s: CoreServices, tx: Queryable, input: ApplyProfileChangesInput): Promise<void> {
  await lockProfile(tx, input.customerId)
  const values = await loadProfileValues(s, tx, input.customerId)
  // Business time (the event's, or a job's as-of time): an imported history explains itself with its own dates.
  await writeProfileChanges(s, tx, input, values, businessNow(s.now).toISOString())
}

/**
 * {@link applyProfileChanges} on values already loaded (and locked) in this transaction; keeps
 * `values` up to date.
 * @returns how many changes were recorded
 * @example const recorded = await writeProfileChanges(s, tx, input, values, s.now().toISOString())
 */
export async function writeProfileChanges(s: CoreServices, tx: Queryable, input: ApplyProfileChangesInput, values: Map<string, ProfileValue>, at: string): Promise<number> {
  const planned: PlannedChange[] = []
  planProfileChanges(s, input, values, planned)
  await writePlannedChanges(tx, { customerId: input.customerId, eventSeq: input.eventSeq, at }, planned)
  return planned.length
}
