/**
 * @module
 * `GET /form` (what the form offers) and `POST /form`: the anonymous public complaint form. Rate-limited per address (every well-formed
 * attempt counts); attachments under the same limits as elsewhere. The case has no customer (linking one comes later); its contact is
 * kept on the case for staff only.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { formInfoSchema, formReceiptSchema, formRequest } from '../../shared/schemas.js'
import { addAttachments, checkFile } from '../attachments/attachment-store.js'
import { customerIntake } from '../cases/customer-intake.js'
import { openCase } from '../cases/open-case.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { hitFormLimit } from '../form/form-rate-limit.js'
import { trackingTokenOf } from '../tracking/tracking-token.js'

/** Room for five base64 files of 2 MB (the default limit); an anonymous body is kept smaller than a staff one. */
export const FORM_BODY_LIMIT_BYTES = 14_000_000

type NodeEnv = { incoming?: { socket?: { remoteAddress?: string } } } | undefined

/** @example ctx.route(formRoute(ctx)) */
export const formRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/form', access: policies.anonymous, bodyLimitBytes: FORM_BODY_LIMIT_BYTES,
    summary: 'File a complaint through the public form (anonymous, rate-limited per address)',
    request: { body: jsonBody(formRequest) },
    responses: {
      201: jsonResponse(formReceiptSchema, 'The case reference and its tracking token'), 404: jsonResponse(errorBody, 'The form is off'),
      409: jsonResponse(errorBody, 'Too many attachments'), 413: jsonResponse(errorBody, 'File too large'), 415: jsonResponse(errorBody, 'File type refused'),
      422: jsonResponse(errorBody, 'Unknown category'), 429: jsonResponse(errorBody, 'Too many submissions from this address'), ...commonErrors,
    },
  },
  async (c) => {
    if (!ctx.config.publicForm.enabled) throw complaintsErrors.FORM_DISABLED()
    const body = c.req.valid('json')
    const address = (c.env as NodeEnv)?.incoming?.socket?.remoteAddress ?? 'local'
    // Every well-formed attempt counts, accepted or not, so refused uploads cannot be repeated without limit.
    await ctx.db.tx((tx) => hitFormLimit(tx, address, ctx.config.publicForm.perAddressPerHour, ctx.now()))
    const checked = (body.files ?? []).map((file) => ({ file, bytes: checkFile(ctx.config.attachments, file) }))
    const created = await ctx.db.tx(async (tx) => {
      const contact = { name: body.name, ...(body.email ? { email: body.email } : {}), ...(body.phone ? { phone: body.phone } : {}) }
      const opened = await openCase(tx, ctx, {
        ...customerIntake('form'), customerId: null, category: body.category, description: body.description,
        orderRef: body.orderRef ?? null, createdBy: 'anonymous', contact, fields: body.fields,
      })
      if (checked.length) await addAttachments(tx, ctx.config.attachments, opened.id, checked, 'anonymous', opened.createdAt)
      return opened
    })
    return c.json({ caseId: created.id, caseNumber: created.caseNumber, createdAt: created.createdAt, trackingToken: trackingTokenOf(ctx, created.id) }, 201)
  },
)

/** @example ctx.route(formInfoRoute(ctx)) */
export const formInfoRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/form', access: policies.anonymous,
    summary: 'What the public complaint form offers: whether it is on, the categories and the file limits',
    responses: { 200: jsonResponse(formInfoSchema, 'The form'), ...commonErrors },
  },
  async (c) => {
    const { categories, attachments, publicForm } = ctx.config
    return c.json({
      enabled: publicForm.enabled,
      categories: categories.map((n) => ({ id: n.id, label: n.label, ...(n.parent ? { parent: n.parent } : {}) })),
      attachments: { maxBytes: attachments.maxBytes, maxPerCase: attachments.maxPerCase, types: [...attachments.types] },
    }, 200)
  },
)
