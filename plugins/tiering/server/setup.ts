/**
 * @module
 * Mounts tiering on the host: the order subscribers, the nightly re-evaluation, the
 * `tiering.benefits` implementation and the routes.
 */
import type { TieringContext } from './evaluation/types.js'
import { reevaluateAll } from './jobs/reevaluate.js'
import { migrationRoute } from './routes/analytics-migration.js'
import { overTimeRoute } from './routes/analytics-over-time.js'
import { rfmGridRoute, segmentsRoute } from './routes/analytics-rfm.js'
import { configPreviewRoute } from './routes/config-preview.js'
import { customerExplainRoute } from './routes/customer-explain.js'
import { customerTieringRoute } from './routes/customer-tiering.js'
import { distributionRoute } from './routes/distribution.js'
import { funnelRoute } from './routes/funnel.js'
import { reevaluateRoute } from './routes/reevaluate.js'
import { onCustomerUpdated } from './subscribers/on-customer-updated.js'
import { onOrderCompleted } from './subscribers/on-order-completed.js'
import { onOrderRefunded } from './subscribers/on-order-refunded.js'
import { onProfileEvent, PROFILE_EVENTS } from './subscribers/on-profile-event.js'
import { tierBenefits } from './tier-benefits.js'
import { tierProgress } from './tier-progress.js'

/** The nightly full re-evaluation, 03:00 UTC. */
export const REEVALUATE_CRON = '0 3 * * *'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: TieringContext): void {
  // catchUp: enabled on a shop with past orders, tiering records them first (see afterCatchUp).
  ctx.on('order.completed', onOrderCompleted(ctx), { id: 'record-order', phase: 'inTransaction', catchUp: true })
  ctx.on('order.refunded', onOrderRefunded(ctx), { id: 'record-refund', phase: 'inTransaction', catchUp: true })
  ctx.on('customer.updated', onCustomerUpdated(ctx), { id: 'ladder-on-customer', phase: 'inTransaction', catchUp: true })
  const fromProfile = onProfileEvent(ctx)
  // In the event's transaction, settled once its emitter is done: no second transaction or delivery per order.
  for (const type of PROFILE_EVENTS) ctx.on(type, fromProfile, { id: `reevaluate-after-${type}`, phase: 'inTransaction' })
  ctx.schedule('reevaluate', REEVALUATE_CRON, async (job) => {
    await reevaluateAll(ctx, { runKey: job.runId, progress: job.progress })
  })
  ctx.provide('tiering.benefits', tierBenefits(ctx))
  ctx.provide('tiering.progress', tierProgress(ctx))
  ctx.route(distributionRoute(ctx))
  ctx.route(customerTieringRoute(ctx))
  ctx.route(customerExplainRoute(ctx))
  ctx.route(funnelRoute(ctx))
  ctx.route(reevaluateRoute(ctx))
  ctx.route(overTimeRoute(ctx))
  ctx.route(migrationRoute(ctx))
  ctx.route(rfmGridRoute(ctx))
  ctx.route(segmentsRoute(ctx))
  ctx.route(configPreviewRoute(ctx))
}
