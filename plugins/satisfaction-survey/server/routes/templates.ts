/**
 * @module
 * `GET /templates`: the built-in templates (NPS, CSAT after purchase, CSAT after complaint
 * resolution, CES, member satisfaction), each in zh-CN and en.
 */
import { commonErrors, defineRoute, jsonResponse, policies, type PluginRoute, z } from '@rapport/plugin-sdk'
import { templateSchema } from '../../shared/schemas.js'
import { templates } from '../surveys/templates.js'

/** @example ctx.route(templatesRoute()) */
export const templatesRoute = (): PluginRoute => defineRoute(
  {
    method: 'get', path: '/templates', access: policies.staffRead('customers:read'), summary: 'Built-in survey templates',
    responses: { 200: jsonResponse(z.object({ items: z.array(templateSchema) }), 'Templates'), ...commonErrors },
  },
  async (c) => c.json({ items: [...templates] }, 200),
)
