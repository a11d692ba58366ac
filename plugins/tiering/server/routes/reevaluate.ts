/**
 * @module
 * `POST /api/p/tiering/reevaluate` (owners and admins): runs the full re-evaluation now and
 * answers with its summary. (The scheduled run is also reachable as `POST /api/v1/jobs/tiering:reevaluate/run`.)
 */
import { commonErrors, defineRoute, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import type { TieringContext } from '../evaluation/types.js'
import { reevaluateAll } from '../jobs/reevaluate.js'

const cuts = z.array(z.number().nullable())
export const reevaluateResultSchema = z.object({
  customers: z.number().int(),
  changed: z.number().int(),
  ladderChecked: z.number().int(),
  cutPoints: z.object({
    recency: cuts, frequency: cuts, monetary: cuts,
    tier: z.object({ diamond: z.number().nullable(), silver: z.number().nullable(), bronze: z.number().nullable() }).partial(),
    population: z.number().int(), computedAt: z.string(),
  }),
})

/** @example ctx.route(reevaluateRoute(ctx)) */
export const reevaluateRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'post', path: '/reevaluate', access: policies.admins, summary: 'Re-evaluate every customer now',
    responses: { 200: jsonResponse(reevaluateResultSchema, 'What the run did'), ...commonErrors },
  },
  async (c) => c.json(await reevaluateAll(ctx, { runKey: `manual:${ctx.now().toISOString()}` }), 200),
)
