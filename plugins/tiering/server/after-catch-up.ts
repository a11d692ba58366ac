/**
 * @module
 * After the host replayed past orders and refunds into tiering's records (enabled on a shop with
 * history, or after a time off): one full re-evaluation computes the cut points and everyone's
 * scores, segments and tiers at once, as the nightly run would. The order subscribers only record
 * during a catch-up, so this is where the tiers come from.
 */
import type { CatchUpSummary } from '@rapport/plugin-sdk'
import type { TieringContext } from './evaluation/types.js'
import { reevaluateAll } from './jobs/reevaluate.js'

/** @example definePlugin({ ..., afterCatchUp }) */
export async function afterCatchUp(ctx: TieringContext, summary: CatchUpSummary): Promise<void> {
  // Keyed on the last event seen, so the tier changes of this run are emitted once.
  await reevaluateAll(ctx, { runKey: `catch-up:${summary.throughSeq}` })
}
