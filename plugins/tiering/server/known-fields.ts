/**
 * @module
 * The profile fields of the built-in plugins a ladder criterion may name. Plugins never import
 * each other, so tiering cannot ask the host which fields exist when a config is validated: it
 * checks names in these namespaces (and its own) against this list, and accepts any well-formed
 * name in another namespace (a custom plugin's field).
 */
import { profile } from './profile.js'

/** Fields by namespace, as each built-in plugin declares them (issues 5, 6 and 7). */
export const KNOWN_FIELDS: Record<string, readonly string[]> = {
  tiering: Object.keys(profile),
  satisfaction: ['lastNps', 'npsCategory', 'avgCsat', 'lastCes', 'responses', 'lastRespondedAt'],
  complaints: ['open', 'total', 'lastAt', 'lastCsat'],
  points: ['balance', 'lifetimeEarned', 'memberNo', 'memberSince', 'expiringSoon', 'referrals'],
}

/**
 * Whether a criterion may name this field: known in a built-in namespace, or in any other namespace.
 * @example isKnownField('tiering.orders') // true
 * @example isKnownField('points.balanse') // false
 */
export function isKnownField(field: string): boolean {
  const [namespace, key] = field.split('.') as [string, string]
  const known = KNOWN_FIELDS[namespace]
  return known === undefined || known.includes(key)
}
