/**
 * @module
 * `GET /verify`: the ledger invariant for every member, checked in SQL (admins).
 */
import { commonErrors, defineRoute, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { verifyResponse } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { verifyLedger } from '../ledger/verify-ledger.js'

/** @example ctx.route(verifyRoute(ctx)) */
export const verifyRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/verify', access: policies.admins,
    summary: 'Check balance = Σ lot remainders − debt = Σ ledger deltas for every member',
    responses: { 200: jsonResponse(verifyResponse, 'The report; ok is false when any member disagrees'), ...commonErrors },
  },
  async (c) => {
    const report = await verifyLedger(ctx.db)
    return c.json({ ok: report.mismatches.length === 0, ...report }, 200)
  },
)
