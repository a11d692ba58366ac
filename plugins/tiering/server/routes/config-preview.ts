/**
 * @module
 * `POST /api/p/tiering/config/preview` (owners and admins): how many customers a candidate config
 * would move (tiers, segments, recency statuses, ladder steps), without saving it or changing
 * anything. The body is the config as it would be sent to `PUT /api/v1/plugins/tiering/config`;
 * an invalid one answers 422 TIERING_CONFIG_INVALID naming each problem, like the save would.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import { config } from '../config.js'
import { tieringErrors } from '../errors.js'
import { previewConfig } from '../evaluation/preview-config.js'
import type { TieringContext } from '../evaluation/types.js'

const move = z.object({ from: z.string().nullable(), to: z.string().nullable(), count: z.number().int(), examples: z.array(z.string()) })
const moved = z.object({ moved: z.number().int(), moves: z.array(move) })
export const previewSchema = z.object({
  customers: z.number().int(),
  tiers: moved.extend({ upgrades: z.number().int(), downgrades: z.number().int(), downgradePolicy: z.enum(['never', 'gracePeriod', 'atReevaluation']) }),
  segments: moved,
  recencyStatuses: moved,
  ladder: moved.extend({ changed: z.boolean(), checked: z.number().int(), sampled: z.boolean() }),
})

/** @example ctx.route(configPreviewRoute(ctx)) */
export const configPreviewRoute = (ctx: TieringContext) => defineRoute(
  {
    method: 'post', path: '/config/preview', access: policies.admins, summary: 'How many customers a config change would move, before it is saved',
    request: { body: jsonBody(z.record(z.string(), z.unknown()), 'The candidate config') },
    responses: { 200: jsonResponse(previewSchema, 'The moves'), 422: jsonResponse(errorBody, 'The candidate config is invalid'), ...commonErrors },
  },
  async (c) => {
    const parsed = config.safeParse(c.req.valid('json'))
    if (!parsed.success) throw tieringErrors.CONFIG_INVALID({ issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) })
    return c.json(await previewConfig(ctx, parsed.data), 200)
  },
)
