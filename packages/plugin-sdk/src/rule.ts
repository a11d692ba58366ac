import type { EventType, ScoringRule } from '@rapport/core'

/**
 * Declares a scoring rule: pure and synchronous, `(event, profile, config) → changes`. Bump
 * `version` whenever the same input would give a different output.
 * @example
 * export const lifetimeOnOrder = rule({
 *   id: 'lifetime-on-order', version: 1, on: 'order.completed',
 *   apply: (e) => ({ 'points.lifetimeEarned': { add: Math.floor(e.payload.amountMinor / 100) } }),
 * })
 */
export function rule<T extends EventType, C = any>(spec: ScoringRule<T & string, C>): ScoringRule<T & string, C> {
  if (!spec.id || !Number.isInteger(spec.version) || spec.version < 1) throw new TypeError(`rule ${spec.id}: needs an id and a positive integer version`)
  return Object.freeze(spec)
}
