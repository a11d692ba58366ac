/**
 * @module
 * Mounts churn-risk's routes, the re-score subscribers and the nightly job.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { ChurnConfig } from './config.js'
import { NIGHTLY_RESCORE, nightlyRescore } from './jobs/nightly-rescore.js'
import { atRiskCustomersRoute } from './routes/at-risk-customers.js'
import { customerBreakdownRoute } from './routes/customer-breakdown.js'
import { winBackRoute } from './routes/win-back.js'
import { AFTER_COMMIT, IN_TRANSACTION, rescoreAfterCommit, rescoreInTransaction } from './subscribers/rescore-on-event.js'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: PluginContext<ChurnConfig>): void {
  ctx.route(atRiskCustomersRoute(ctx))
  ctx.route(customerBreakdownRoute(ctx))
  ctx.route(winBackRoute(ctx))
  for (const type of IN_TRANSACTION) ctx.on(type, rescoreInTransaction(ctx), { id: `rescore:${type}`, phase: 'inTransaction' })
  for (const type of AFTER_COMMIT) ctx.on(type, rescoreAfterCommit(ctx), { id: `rescore:${type}`, phase: 'afterCommit' })
  ctx.schedule(NIGHTLY_RESCORE, '30 2 * * *', nightlyRescore(ctx))
}
