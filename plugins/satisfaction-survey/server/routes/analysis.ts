/**
 * @module
 * The analysis routes for staff (any role, or `customers:read`): NPS, CSAT and CES per group with
 * 95% intervals, and significance tests between two groups or this range and the previous one.
 */
import { commonErrors, defineRoute, jsonResponse, type PluginRoute, policies, z } from '@rapport/plugin-sdk'
import { breakdownSchema, comparisonSchema } from '../../shared/analytics-schemas.js'
import { analyticsFilter, analyticsScope, checkedFilter } from '../analytics/analytics-scope.js'
import { scoreBreakdown } from '../analytics/score-breakdown.js'
import { compareGroups, comparePeriods } from '../analytics/score-comparison.js'
import type { AnalyticsDeps } from './analytics-deps.js'

const read = policies.staffRead('customers:read')
const fieldName = z.string().regex(/^[a-z][a-zA-Z0-9]*\.[a-zA-Z][a-zA-Z0-9]*$/, 'a profile field such as tiering.tier')
const grouping = {
  by: z.enum(['channel', 'source', 'survey', 'field']).openapi({ description: 'What the groups are; `field` groups by a profile field' }),
  field: fieldName.optional().openapi({ description: 'With by=field: the profile field, such as tiering.tier or tiering.segment', example: 'tiering.tier' }),
  fieldSource: z.enum(['snapshot', 'current']).default('snapshot').openapi({ description: 'The field as it was when the customer answered, or as it is now' }),
}
const needsField = (f: { by?: string | undefined; field?: string | undefined }) => f.by !== 'field' || f.field !== undefined

const breakdownQuery = checkedFilter(analyticsFilter.extend(grouping)).refine(needsField, { path: ['field'], message: 'by=field needs field' })
const compareQuery = checkedFilter(analyticsFilter.extend({
  against: z.enum(['previous', 'group']).openapi({ description: '`previous`: this range against the previous range of equal length; `group`: group `a` against group `b`' }),
  by: grouping.by.optional(), field: grouping.field, fieldSource: grouping.fieldSource,
  a: z.string().min(1).max(100).optional().openapi({ description: 'With against=group: the first group key', example: 'diamond' }),
  b: z.string().min(1).max(100).optional().openapi({ description: 'With against=group: the second group key', example: 'iron' }),
}))
  .refine((f) => f.against !== 'group' || (f.by !== undefined && f.a !== undefined && f.b !== undefined), { path: ['a'], message: 'against=group needs by, a and b' })
  .refine(needsField, { path: ['field'], message: 'by=field needs field' })

/** @example for (const route of analysisRoutes(deps)) ctx.route(route) */
export function analysisRoutes(deps: AnalyticsDeps): PluginRoute[] {
  const { db } = deps
  return [
    defineRoute({
      method: 'get', path: '/analytics/breakdown', access: read,
      summary: 'NPS, CSAT and CES top-2-box per group (channel, source, survey or a profile field such as the tier) with 95% intervals',
      request: { query: breakdownQuery }, responses: { 200: jsonResponse(breakdownSchema, 'Estimates per group'), ...commonErrors },
    }, async (c) => {
      const query = c.req.valid('query')
      const scope = analyticsScope(query, deps.now())
      const groups = await scoreBreakdown(db, scope, query)
      return c.json({
        from: scope.firstDay, to: scope.lastDay, by: query.by, field: query.by === 'field' ? query.field ?? null : null,
        groups: groups.map(({ counts: _counts, ...g }) => g),
      }, 200)
    }),
    defineRoute({
      method: 'get', path: '/analytics/compare', access: read,
      summary: 'Significance of the difference in NPS, CSAT and CES between this range and the previous one, or between two groups',
      request: { query: compareQuery }, responses: { 200: jsonResponse(comparisonSchema, 'Both sides and the tests'), ...commonErrors },
    }, async (c) => {
      const query = c.req.valid('query')
      const scope = analyticsScope(query, deps.now())
      const result = query.against === 'previous'
        ? await comparePeriods(db, scope, deps.now())
        : await compareGroups(db, scope, { by: query.by!, field: query.field, fieldSource: query.fieldSource }, query.a!, query.b!)
      return c.json({ against: query.against, ...result }, 200)
    }),
  ]
}
