/**
 * @module
 * Reports, all computed in SQL: `GET /reports/liability` (outstanding points and their value),
 * `GET /reports/earn-burn` (points earned and burned per day or month), and
 * `GET /members/{customerId}/statement` (a member's statement for a period).
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { earnBurnQuery, earnBurnResponse, liabilityResponse, memberParams, statementQuery, statementResponse } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { addDays } from '../ledger/ledger-deps.js'
import { findMember } from '../ledger/member-store.js'
import { earnBurn } from '../reports/earn-burn.js'
import { liability } from '../reports/liability.js'
import { statement } from '../reports/statement.js'

const DAY = 86_400_000
/** The start of the next UTC day: a default end that includes today. */
const nextUtcDay = (now: Date): string => new Date(Math.floor(now.getTime() / DAY) * DAY + DAY).toISOString()

/** @example ctx.route(liabilityRoute(ctx)) */
export const liabilityRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/reports/liability', access: policies.staffRead('customers:read'),
    summary: 'Outstanding points, pending, debt, expiring soon, and their value',
    responses: { 200: jsonResponse(liabilityResponse, 'The liability now'), ...commonErrors },
  },
  async (c) => {
    const now = ctx.now().toISOString()
    const { pointValueMinor, currency, expiringSoonDays } = ctx.config
    return c.json(await liability(ctx.db, { now, expiringBefore: addDays(now, expiringSoonDays), pointValueMinor, currency }), 200)
  },
)

/** @example ctx.route(earnBurnRoute(ctx)) */
export const earnBurnRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/reports/earn-burn', access: policies.staffRead('customers:read'),
    summary: 'Points earned and burned per UTC day or month',
    request: { query: earnBurnQuery },
    responses: { 200: jsonResponse(earnBurnResponse, 'One row per period with activity'), 422: jsonResponse(errorBody, 'A range that is empty or too long'), ...commonErrors },
  },
  async (c) => {
    const { bucket, ...q } = c.req.valid('query')
    const to = q.to ?? nextUtcDay(ctx.now())
    const from = q.from ?? new Date(Date.parse(to) - (bucket === 'day' ? 30 : 365) * DAY).toISOString()
    const days = (Date.parse(to) - Date.parse(from)) / DAY
    if (!(days > 0) || days > (bucket === 'day' ? 400 : 3660)) throw pointsErrors.RANGE_INVALID({ from, to, maxDays: bucket === 'day' ? 400 : 3660 })
    return c.json({ bucket, from, to, rows: await earnBurn(ctx.db, { from, to, bucket }) }, 200)
  },
)

/** @example ctx.route(statementRoute(ctx)) */
export const statementRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/members/{customerId}/statement', access: policies.staffRead('customers:read'),
    summary: 'A member’s statement: opening balance, entries, totals and closing balance for a period',
    request: { params: memberParams, query: statementQuery },
    responses: {
      200: jsonResponse(statementResponse, 'The statement'), 404: jsonResponse(errorBody, 'Not a member'),
      422: jsonResponse(errorBody, 'A range that is empty or too long'), ...commonErrors,
    },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const q = c.req.valid('query')
    if (!(await findMember(ctx.db, customerId))) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
    const to = q.to ?? nextUtcDay(ctx.now())
    const from = q.from ?? new Date(Date.parse(to) - 30 * DAY).toISOString()
    const days = (Date.parse(to) - Date.parse(from)) / DAY
    if (!(days > 0) || days > 3660) throw pointsErrors.RANGE_INVALID({ from, to, maxDays: 3660 })
    return c.json(await statement(ctx.db, customerId, { from, to }), 200)
  },
)

