/**
 * @module
 * Rebuilds plugins' profile fields from the event log: removes their values and history, replays
 * every event through their scoring rules only (never subscribers, never side effects), then asks
 * each plugin to recompute the fields that mirror its own records. One transaction: readers see
 * the old profile until the new one is complete.
 */
import type { Queryable } from '@rapport/db'
import { toStoredEvent } from '../events/event-log.js'
import { pluginErrors } from '../plugins/plugin-errors.js'
import type { ProfileChanges } from '../plugins/contract.js'
import type { ActivePlugin } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { writeProfileChanges } from './apply-changes.js'
import { lockAllProfiles } from './lock-profile.js'
import { pluginFault } from './plugin-fault.js'
import { compareDigests, digestProfiles } from './profile-digest.js'
import { loadProfileValues } from './read-profile.js'
import { runScoringRules, ruleMatches } from './run-rules.js'

/** Options of {@link rebuildProfiles}. */
export type RebuildProfilesOptions = {
  /** Rebuild only this plugin's fields (it must be active). Default: every active plugin. */
  plugin?: string
}

/** What a rebuild did. */
export type RebuildReport = {
  /** Customers holding a value of the rebuilt fields before or after. */
  customers: number
  /** Declared fields of the rebuilt plugins. */
  fields: number
  /** Customers whose values of those fields differ after the rebuild. */
  changed: number
  /** sha256 over the rebuilt fields' values, ordered by (customer, field), before and after. */
  checksumBefore: string
  checksumAfter: string
}

const PAGE = 1000
const DELETE_VALUES = 'DELETE FROM core_profile_values WHERE substr(field, 1, ?) = ?'
const DELETE_CHANGES = 'DELETE FROM core_profile_changes WHERE plugin = ?'
const EVENTS_AFTER = 'SELECT * FROM core_events WHERE seq > ? ORDER BY seq LIMIT ?'
const CUSTOMERS_AFTER = 'SELECT id FROM core_customers WHERE id > ? ORDER BY id LIMIT ?'

/**
 * Rebuilds the profile fields of the active plugins (or one of them). With unchanged rules the
 * checksum after equals the one before; after a rule's behaviour changed, the values follow it.
 * Throws PLUGIN_NOT_ACTIVE (404) for an unknown or inactive plugin; a failing rule or recompute
 * rolls everything back (PLUGIN_HANDLER_FAILED, tagged).
 * @param s - the services
 * @param options - which plugin
 * @example
 * const report = await rebuildProfiles(s, { plugin: 'points-membership' })
 * report.checksumAfter === report.checksumBefore // true when nothing drifted
 */
export async function rebuildProfiles(s: CoreServices, { plugin }: RebuildProfilesOptions = {}): Promise<RebuildReport> {
  const active = s.runtime.active()
  const selected = plugin === undefined ? active : active.filter((p) => p.definition.name === plugin)
  if (plugin !== undefined && selected.length === 0) throw pluginErrors.NOT_ACTIVE({ plugin, state: 'not active' })
  const namespaces = new Set(selected.map((p) => p.definition.namespace))
  const fields = selected.reduce((n, p) => n + p.fields.size, 0)

  return s.db.tx(async (tx) => {
    await lockAllProfiles(tx)
    const before = await digestProfiles(tx, namespaces)
    for (const p of selected) {
      await tx.run(DELETE_VALUES, [p.definition.namespace.length + 1, `${p.definition.namespace}.`])
      await tx.run(DELETE_CHANGES, [p.definition.name])
    }
    await replayEvents(s, tx, selected)
    for (const p of selected) await recomputePlugin(s, tx, p)
    const after = await digestProfiles(tx, namespaces)
    return { ...compareDigests(before, after), fields, checksumBefore: before.checksum, checksumAfter: after.checksum }
  })
}

/** Every event in log order, through the selected plugins' rules. */
async function replayEvents(s: CoreServices, tx: Queryable, plugins: readonly ActivePlugin[]): Promise<void> {
  const rules = plugins.flatMap((p) => p.definition.scoring ?? [])
  if (rules.length === 0) return
  let after = 0
  for (;;) {
    const rows = await tx.all<Parameters<typeof toStoredEvent>[0]>(EVENTS_AFTER, [after, PAGE])
    for (const row of rows) {
      if (row.customer_id === null || !rules.some((r) => ruleMatches(r, row.type))) continue
      await runScoringRules(s, tx, toStoredEvent(row), plugins)
    }
    if (rows.length < PAGE) return
    after = Number(rows[rows.length - 1]!.seq)
  }
}

/** Asks a plugin to recompute the fields mirroring its records, for every customer. */
async function recomputePlugin(s: CoreServices, tx: Queryable, p: ActivePlugin): Promise<void> {
  const recompute = p.definition.recomputeProfile
  if (!recompute) return
  const name = p.definition.name
  let after = ''
  for (;;) {
    const rows = await tx.all<{ id: string }>(CUSTOMERS_AFTER, [after, PAGE])
    for (const { id } of rows) {
      let changes: ProfileChanges
      try {
        changes = await recompute(id, tx, p.context)
      } catch (err) {
        throw pluginFault(err, { plugin: name, kind: 'recompute', handler: 'recomputeProfile', type: 'rebuild' })
      }
      if (!changes || Object.keys(changes).length === 0) continue
      const values = await loadProfileValues(s, tx, id)
      await writeProfileChanges(s, tx, { customerId: id, plugin: name, changes, source: { kind: 'plugin', id: 'recompute' } }, values, s.now().toISOString())
    }
    if (rows.length < PAGE) return
    after = rows[rows.length - 1]!.id
  }
}
