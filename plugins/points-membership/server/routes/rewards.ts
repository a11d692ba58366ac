/**
 * @module
 * The rewards catalog: `GET /rewards` (staff), `POST /rewards` and `PATCH /rewards/{rewardId}` (admins).
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, z, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { rewardCreate, rewardParams, rewardSchema, rewardUpdate } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { checkValue, findReward, insertReward, listRewards, saveReward } from '../rewards/reward-store.js'

/** @example ctx.route(listRewardsRoute(ctx)) */
export const listRewardsRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/rewards', access: policies.staffRead('customers:read'), summary: 'The rewards catalog',
    responses: { 200: jsonResponse(z.object({ items: z.array(rewardSchema) }), 'Every reward, cheapest first'), ...commonErrors },
  },
  async (c) => c.json({ items: await listRewards(ctx.db) }, 200),
)

/** @example ctx.route(createRewardRoute(ctx)) */
export const createRewardRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/rewards', access: policies.admins, summary: 'Add a reward',
    request: { body: jsonBody(rewardCreate) },
    responses: { 201: jsonResponse(rewardSchema, 'Added'), 409: jsonResponse(errorBody, 'The id is taken'), 422: jsonResponse(errorBody, 'A value that does not fit the kind'), ...commonErrors },
  },
  async (c) => {
    const reward = c.req.valid('json')
    checkValue(reward)
    const added = await ctx.db.tx((tx) => insertReward(tx, reward, ctx.now().toISOString()))
    if (!added) throw pointsErrors.REWARD_EXISTS({ rewardId: reward.id })
    return c.json(reward, 201)
  },
)

/** @example ctx.route(updateRewardRoute(ctx)) */
export const updateRewardRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'patch', path: '/rewards/{rewardId}', access: policies.admins, summary: 'Change a reward (price, stock, active)',
    request: { params: rewardParams, body: jsonBody(rewardUpdate) },
    responses: { 200: jsonResponse(rewardSchema, 'Changed'), 404: jsonResponse(errorBody, 'No such reward'), 422: jsonResponse(errorBody, 'A value that does not fit the kind'), ...commonErrors },
  },
  async (c) => {
    const { rewardId } = c.req.valid('param')
    const changes = c.req.valid('json')
    const reward = await ctx.db.tx(async (tx) => {
      const current = await findReward(tx, rewardId)
      if (!current) throw pointsErrors.REWARD_NOT_FOUND({ rewardId })
      const next = { ...current, ...changes }
      checkValue(next)
      await saveReward(tx, next, ctx.now().toISOString())
      return next
    })
    return c.json(reward, 200)
  },
)
