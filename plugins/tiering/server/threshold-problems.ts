/**
 * @module
 * Checks the value tiers' spend ranges for gaps, overlaps and empty ranges, for the config's
 * refinement (so an admin gets 422 naming the tier).
 */
import { TIERS } from '../shared/vocabulary.js'
import type { SpendThresholds } from './config.js'

/**
 * Problems of the spend ranges, lowest tier first: iron must start at 0, every range must be
 * non-empty, each tier must start exactly where the one below ends (no gap, no overlap), and only
 * the highest tier is open-ended. `maxKey` names the upper bound in messages (`max` for points).
 * @example thresholdProblems(config.tiers.thresholds) // []
 */
export function thresholdProblems(t: SpendThresholds, maxKey = 'maxMinor'): Array<{ tier: string; message: string }> {
  const problems: Array<{ tier: string; message: string }> = []
  const ascending = [...TIERS].reverse()
  if (t.iron.minMinor !== 0) problems.push({ tier: 'iron', message: `iron must start at 0, not ${t.iron.minMinor}` })
  ascending.forEach((tier, i) => {
    const { minMinor, maxMinor } = t[tier]
    const top = i === ascending.length - 1
    if (top && maxMinor !== undefined) problems.push({ tier, message: `${tier} is the highest tier and takes no ${maxKey}` })
    if (!top && maxMinor === undefined) problems.push({ tier, message: `${tier} needs a ${maxKey}` })
    if (maxMinor !== undefined && maxMinor <= minMinor) problems.push({ tier, message: `${tier} range ${minMinor}–${maxMinor} is empty` })
    const below = i === 0 ? undefined : t[ascending[i - 1]!]
    if (below?.maxMinor === undefined) return
    if (minMinor > below.maxMinor) problems.push({ tier, message: `Gap: ${ascending[i - 1]} ends at ${below.maxMinor} but ${tier} starts at ${minMinor}` })
    if (minMinor < below.maxMinor) problems.push({ tier, message: `Overlap: ${ascending[i - 1]} ends at ${below.maxMinor} but ${tier} starts at ${minMinor}` })
  })
  return problems
}
