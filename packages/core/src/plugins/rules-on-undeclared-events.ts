/**
 * @module
 * Scoring rules that can never fire: their `on` names an event type that neither core nor any
 * installed plugin declares (a misspelling, or a type another plugin renamed). The host warns about
 * each at boot; the plugin still boots (the declaring plugin may be installed later).
 */
import type { PluginDefinition } from './contract.js'

/** One rule listening to an event type nobody declares. */
export type RuleOnUndeclaredEvent = { plugin: string; rule: string; on: string }

/**
 * @param installed - the installed definitions
 * @param isDeclared - whether core or an installed plugin declares an event type
 * @example rulesOnUndeclaredEvents(installed, (type) => eventOwners.has(type)) // [{ plugin: 'vip', rule: 'count', on: 'ordr.completed' }]
 */
export function rulesOnUndeclaredEvents(installed: readonly PluginDefinition[], isDeclared: (type: string) => boolean): RuleOnUndeclaredEvent[] {
  return installed.flatMap((def) => (def.scoring ?? []).flatMap((r) =>
    (typeof r.on === 'string' ? [r.on] : [...r.on]).filter((type) => !isDeclared(type)).map((on) => ({ plugin: def.name, rule: r.id, on }))))
}
