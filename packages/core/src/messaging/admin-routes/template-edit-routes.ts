/**
 * @module
 * Editing templates in the admin: `GET /api/v1/messaging/templates/{id}` (staff) gives a template's
 * texts in both languages (edited or built-in) with the built-in ones; `PUT` (owners, admins)
 * stores edited texts, `DELETE` goes back to the built-in ones; `POST …/{id}/draft-preview` renders
 * texts not saved yet, for the live preview.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../../audit/audit-log.js'
import { messageErrors } from '../../errors/index.js'
import { policies } from '../../http/access.js'
import { defineRoute } from '../../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../../http/responses.js'
import type { CoreServices } from '../../services.js'
import { findTemplate, type MessageTemplate } from '../message-templates.js'
import { previewSchema } from '../message-schemas.js'
import { renderTemplate, TEMPLATE_LOCALES } from '../render-template.js'
import { loadTemplateEdits, saveTemplateEdits } from './template-edits.js'

const texts = z.strictObject({ subject: z.string().min(1).max(300), text: z.string().min(1).max(20_000), html: z.string().min(1).max(50_000) })
const byLocale = z.object({ en: texts, 'zh-CN': texts })
/** A template as the editor shows it. */
export const templateDetailSchema = z.object({ id: z.string(), params: z.array(z.string()), locales: byLocale, builtIn: byLocale, edited: z.array(z.enum(TEMPLATE_LOCALES)) }).openapi('MessageTemplateDetail')
/** `PUT /api/v1/messaging/templates/{id}`: the languages edited; a language left out keeps the built-in texts. */
export const templateEditRequest = z.strictObject({ locales: z.strictObject({ en: texts.optional(), 'zh-CN': texts.optional() }) }).openapi('MessageTemplateEdit')
const draftPreviewRequest = z.strictObject({ locale: z.enum(TEMPLATE_LOCALES), texts, params: z.record(z.string().max(64), z.union([z.string().max(2000), z.number()])).default({}) })
const idParam = z.object({ id: z.string().min(1).max(100) })
const SAMPLE = { link: 'https://example.com/s/…', unsubscribeUrl: 'https://example.com/unsubscribe/…' }

function templateOf(id: string): MessageTemplate {
  const template = findTemplate(id)
  if (!template) throw messageErrors.TEMPLATE_NOT_FOUND({ template: id })
  return template
}

/** @example const routes = [...templateEditRoutes(s)] */
export function templateEditRoutes(s: CoreServices) {
  const detail = async (template: MessageTemplate) => {
    const edits = (await loadTemplateEdits(s.db))[template.id] ?? {}
    return {
      id: template.id, params: [...template.params], builtIn: template.locales,
      locales: { en: edits.en ?? template.locales.en, 'zh-CN': edits['zh-CN'] ?? template.locales['zh-CN'] }, edited: TEMPLATE_LOCALES.filter((l) => edits[l]),
    }
  }
  const read = defineRoute(
    {
      method: 'get', path: '/api/v1/messaging/templates/{id}', access: policies.staffWrite(), tags: ['messaging'], summary: "A template's texts in both languages, as edited, and the built-in ones",
      request: { params: idParam }, responses: { 200: jsonResponse(templateDetailSchema, 'The template'), 404: jsonResponse(errorBody, 'Unknown template'), ...commonErrors },
    },
    async (c) => c.json(await detail(templateOf(c.req.valid('param').id)), 200),
  )
  const write = defineRoute(
    {
      method: 'put', path: '/api/v1/messaging/templates/{id}', access: policies.admins, tags: ['messaging'], summary: "Edit a template's texts (messages sent from now on use them)",
      request: { params: idParam, body: jsonBody(templateEditRequest) }, responses: { 200: jsonResponse(templateDetailSchema, 'The template'), 404: jsonResponse(errorBody, 'Unknown template'), ...commonErrors },
    },
    async (c) => {
      const template = templateOf(c.req.valid('param').id)
      const { locales } = c.req.valid('json')
      await s.db.tx(async (tx) => {
        await saveTemplateEdits(tx, template.id, Object.fromEntries(Object.entries(locales).filter(([, v]) => v)), s.now())
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'messaging.template-edited', targetType: 'template', targetId: template.id, details: { locales: Object.keys(locales) }, requestId: c.get('requestId') })
      })
      return c.json(await detail(template), 200)
    },
  )
  const reset = defineRoute(
    {
      method: 'delete', path: '/api/v1/messaging/templates/{id}', access: policies.admins, tags: ['messaging'], summary: 'Go back to the built-in texts',
      request: { params: idParam }, responses: { 200: jsonResponse(templateDetailSchema, 'The template'), 404: jsonResponse(errorBody, 'Unknown template'), ...commonErrors },
    },
    async (c) => {
      const template = templateOf(c.req.valid('param').id)
      await s.db.tx(async (tx) => {
        await saveTemplateEdits(tx, template.id, {}, s.now())
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'messaging.template-reset', targetType: 'template', targetId: template.id, requestId: c.get('requestId') })
      })
      return c.json(await detail(template), 200)
    },
  )
  const draft = defineRoute(
    {
      method: 'post', path: '/api/v1/messaging/templates/{id}/draft-preview', access: policies.staffWrite(), tags: ['messaging'], summary: 'Render texts not saved yet with sample parameters',
      request: { params: idParam, body: jsonBody(draftPreviewRequest) }, responses: { 200: jsonResponse(previewSchema, 'The rendered texts'), 404: jsonResponse(errorBody, 'Unknown template'), ...commonErrors },
    },
    (c) => {
      const template = templateOf(c.req.valid('param').id)
      const body = c.req.valid('json')
      return c.json(renderTemplate(template.id, body.locale, { ...SAMPLE, ...body.params }, body.texts), 200)
    },
  )
  return [read, write, reset, draft]
}
