/**
 * @module
 * Asks one plugin to recompute the fields that mirror its own records for one customer, and
 * applies what it returns, recorded as `recompute`. Shared by the profile rebuild and the
 * catch-up on enable.
 */
import type { Queryable } from '@rapport/db'
import type { ProfileChanges } from '../plugins/contract.js'
import type { ActivePlugin } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { writeProfileChanges } from './apply-changes.js'
import { pluginFault } from './plugin-fault.js'
import { loadProfileValues } from './read-profile.js'

/**
 * Does nothing for a plugin without `recomputeProfile`. The caller holds the profile lock (the
 * whole profile's, or this customer's). A throwing recompute becomes PLUGIN_HANDLER_FAILED, tagged.
 * @param s - the services
 * @param tx - an open transaction
 * @param p - the plugin
 * @param customerId - the customer
 * @param during - what asked, named in a failure (`rebuild`, `catch-up`)
 * @example await lockProfile(tx, customerId); await recomputeCustomer(s, tx, plugin, customerId)
 */
export async function recomputeCustomer(s: CoreServices, tx: Queryable, p: ActivePlugin, customerId: string, during = 'rebuild'): Promise<void> {
  const recompute = p.definition.recomputeProfile
  if (!recompute) return
  const name = p.definition.name
  let changes: ProfileChanges
  try {
    changes = await recompute(customerId, tx, p.context)
  } catch (err) {
    throw pluginFault(err, { plugin: name, kind: 'recompute', handler: 'recomputeProfile', type: during })
  }
  if (!changes || Object.keys(changes).length === 0) return
  const values = await loadProfileValues(s, tx, customerId)
  await writeProfileChanges(s, tx, { customerId, plugin: name, changes, source: { kind: 'plugin', id: 'recompute' } }, values, s.now().toISOString())
}
