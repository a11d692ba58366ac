/**
 * @module
 * Hidden dependencies between plugins: using another plugin's extension point, subscribing to its
 * events or scoring on them needs that plugin in `requires` or `optional`, so that a change or
 * removal of the other plugin is visible in the definition instead of breaking silently.
 */
import type { PluginDefinition } from './contract.js'
import { pluginErrors } from './plugin-errors.js'

/**
 * Whether `owner` (of an event type or extension point) is a plugin `def` does not name.
 * @example isUndeclaredDependency(churnRisk, 'tiering') // false: churn-risk lists tiering as optional
 */
export const isUndeclaredDependency = (def: PluginDefinition, owner: string | undefined): owner is string =>
  owner !== undefined && owner !== 'core' && owner !== def.name && !(owner in (def.requires ?? {})) && !(owner in (def.optional ?? {}))

/**
 * Whether listening to an event of `owner` hides a dependency. Besides `requires`/`optional` of the
 * listener, the owner naming the listener counts: an optional edge cannot go both ways (it orders the
 * boot), and tiering ranks on points while points multiplies by tier.
 * @example isUndeclaredListener(tiering, 'points-membership', pointsMembership) // false: points names tiering
 */
export const isUndeclaredListener = (def: PluginDefinition, owner: string | undefined, ownerDef: PluginDefinition | undefined): owner is string =>
  isUndeclaredDependency(def, owner) && !(def.name in (ownerDef?.requires ?? {})) && !(def.name in (ownerDef?.optional ?? {}))

/**
 * The coded error for the first scoring rule of `def` on an event type of a plugin unrelated to it.
 * @example const err = ruleOnUndeclaredPlugin(def, runtime.ownerOfEvent, (name) => installed.find((d) => d.name === name)); if (err) throw err
 */
export function ruleOnUndeclaredPlugin(def: PluginDefinition, ownerOfEvent: (type: string) => string | undefined, definitionOf: (name: string) => PluginDefinition | undefined) {
  for (const r of def.scoring ?? []) {
    for (const type of typeof r.on === 'string' ? [r.on] : [...r.on]) {
      const owner = ownerOfEvent(type)
      if (isUndeclaredListener(def, owner, owner === undefined ? undefined : definitionOf(owner))) return pluginErrors.EVENT_UNDECLARED({ plugin: def.name, type, owner })
    }
  }
  return undefined
}
