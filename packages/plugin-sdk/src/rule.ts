import type { EventType, ProfileFieldMap, ScoringRule } from '@rapport/core'
import type { ContractProfile, PluginContract, TypedScoringRule } from './contract.js'

/**
 * Declares a scoring rule: pure and synchronous, `(event, profile, config) → changes`. Bump
 * `version` whenever the same input would give a different output. `on` takes only known event
 * types (core's, and those of the contracts in scope); changes name declared fields with values
 * of their types. Prefer {@link ruleOf}, which also keeps the changes to the plugin's own fields.
 * @example
 * export const lifetimeOnOrder = rule({
 *   id: 'lifetime-on-order', version: 1, on: 'order.completed',
 *   apply: (e) => ({ 'points.lifetimeEarned': { add: Math.floor(e.payload.amountMinor / 100) } }),
 * })
 */
// NoInfer: `on` alone decides T (inside `scoring: [...]` the expected ScoringRule<any> would make every payload a union).
export function rule<T extends EventType, C = any>(spec: TypedScoringRule<T, C, ProfileFieldMap>): ScoringRule<NoInfer<T> & string, NoInfer<C>> {
  if (!spec.id || !Number.isInteger(spec.version) || spec.version < 1) throw new TypeError(`rule ${spec.id}: needs an id and a positive integer version`)
  return Object.freeze(spec) as ScoringRule<T & string, C>
}

/**
 * The `rule` of one plugin: its changes may name only the fields of `contract`, with their value types.
 * @example
 * const ownRule = ruleOf(contract)
 * export const orders = ownRule({ id: 'orders', version: 1, on: 'order.completed', apply: () => ({ 'churnRisk.orders': { add: 1 } }) })
 */
export const ruleOf = <K extends PluginContract>(_contract: K) =>
  <T extends EventType, C = any>(spec: TypedScoringRule<T, C, ContractProfile<K>>): ScoringRule<NoInfer<T> & string, NoInfer<C>> => rule(spec as TypedScoringRule<T, C, ProfileFieldMap>)
