/**
 * @module
 * Mounts tiering on the host: the order subscribers, the nightly re-evaluation, the
 * `tiering.benefits` implementation and the routes.
 */
import type { TieringContext } from './evaluation/types.js'
import { reevaluateAll } from './jobs/reevaluate.js'
import { customerTieringRoute } from './routes/customer-tiering.js'
import { distributionRoute } from './routes/distribution.js'
import { funnelRoute } from './routes/funnel.js'
import { reevaluateRoute } from './routes/reevaluate.js'
import { onOrderCompleted } from './subscribers/on-order-completed.js'
import { onOrderRefunded } from './subscribers/on-order-refunded.js'
import { tierBenefits } from './tier-benefits.js'

/** The nightly full re-evaluation, 03:00 UTC. */
export const REEVALUATE_CRON = '0 3 * * *'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: TieringContext): void {
  ctx.on('order.completed', onOrderCompleted(ctx), { id: 'record-order', phase: 'inTransaction' })
  ctx.on('order.refunded', onOrderRefunded(ctx), { id: 'record-refund', phase: 'inTransaction' })
  ctx.schedule('reevaluate', REEVALUATE_CRON, async (job) => {
    await reevaluateAll(ctx, { runKey: job.runId, progress: job.progress })
  })
  ctx.provide('tiering.benefits', tierBenefits(ctx))
  ctx.route(distributionRoute(ctx))
  ctx.route(customerTieringRoute(ctx))
  ctx.route(funnelRoute(ctx))
  ctx.route(reevaluateRoute(ctx))
}
