/**
 * @module
 * `tiering.benefits`: what a customer's tier earns them, for other plugins (points-membership
 * multiplies points, complaint-tracking orders its queue by SLA priority). Declared with its type
 * in the contract (`@rapport/plugin-tiering/contract`), which other plugins import.
 */
import { contract } from '../contract.js'

export type { TierBenefits } from '../contract.js'

export const extensionPoints = contract.extensionPoints
