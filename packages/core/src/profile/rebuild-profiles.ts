/**
 * @module
 * Rebuilds plugins' profile fields from the event log: removes their values and history, replays
 * every event through their scoring rules only (never subscribers, never side effects), then asks
 * each plugin to recompute the fields that mirror its own records. One transaction: readers see
 * the old profile until the new one is complete.
 */
import { pluginErrors } from '../plugins/plugin-errors.js'
import type { CoreServices } from '../services.js'
import { lockAllProfiles } from './lock-profile.js'
import { compareDigests, digestProfiles } from './profile-digest.js'
import { replayPlugins } from './replay-plugins.js'

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
    await replayPlugins(s, tx, selected)
    const after = await digestProfiles(tx, namespaces)
    return { ...compareDigests(before, after), fields, checksumBefore: before.checksum, checksumAfter: after.checksum }
  })
}
