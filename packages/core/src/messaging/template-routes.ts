/**
 * @module
 * `GET /api/v1/messaging/templates` and `POST /api/v1/messaging/templates/{id}/preview`: the
 * template set and a rendering of one in a language with sample parameters, for the admin.
 */
import { z } from '@hono/zod-openapi'
import { policies } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import { MESSAGE_TEMPLATES } from './message-templates.js'
import { previewRequest, previewSchema, templateSchema } from './message-schemas.js'
import { renderTemplate, TEMPLATE_LOCALES } from './render-template.js'

/** @example const routes = [...templateRoutes()] */
export function templateRoutes() {
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/messaging/templates', access: policies.staffWrite(), tags: ['messaging'], summary: 'The message templates',
      responses: { 200: jsonResponse(z.object({ items: z.array(templateSchema) }), 'Every template'), ...commonErrors },
    },
    (c) => c.json({ items: MESSAGE_TEMPLATES.map((t) => ({ id: t.id, params: [...t.params], locales: [...TEMPLATE_LOCALES] })) }, 200),
  )

  const preview = defineRoute(
    {
      method: 'post', path: '/api/v1/messaging/templates/{id}/preview', access: policies.staffWrite(), tags: ['messaging'],
      summary: 'Render a template in a language with sample parameters',
      request: { params: z.object({ id: z.string().min(1).max(100) }), body: jsonBody(previewRequest) },
      responses: { 200: jsonResponse(previewSchema, 'The rendered subject, text and HTML'), 404: jsonResponse(errorBody, 'Unknown template'), ...commonErrors },
    },
    (c) => {
      const { id } = c.req.valid('param')
      const { locale, params } = c.req.valid('json')
      return c.json(renderTemplate(id, locale, { link: 'https://example.com/s/…', unsubscribeUrl: 'https://example.com/unsubscribe/…', ...params }), 200)
    },
  )
  return [list, preview]
}
