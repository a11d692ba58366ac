/**
 * @module
 * `POST /cases/{id}/attachments`: staff, or the case's customer through a link while the case is
 * not finished, attach small files (size, type and count limits; the bytes must match the type).
 * `GET /cases/{id}/attachments/{attachmentId}`: the file, to staff or the case's customer only.
 */
import { assertSameCustomer, commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { attachmentParams, attachmentRequest, attachmentSchema, caseParams } from '../../shared/schemas.js'
import { addAttachments, checkFile, readAttachment } from '../attachments/attachment-store.js'
import { actorOf } from '../cases/actor-of.js'
import { findCase, lockCase } from '../cases/case-store.js'
import { recordHistory } from '../cases/case-log.js'
import { isActive } from '../cases/workflow.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { LINK } from './cases.js'

/** Room for five base64 files at the largest configurable size. */
export const ATTACHMENT_BODY_LIMIT_BYTES = 36_000_000

/** @example ctx.route(addAttachmentsRoute(ctx)) */
export const addAttachmentsRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/cases/{id}/attachments', access: { ...policies.staffWrite('customers:write'), customerLink: LINK }, bodyLimitBytes: ATTACHMENT_BODY_LIMIT_BYTES,
    summary: 'Attach small files to a case',
    request: { params: caseParams, body: jsonBody(attachmentRequest) },
    responses: {
      201: jsonResponse(z.object({ items: z.array(attachmentSchema) }), 'The stored attachments'), 404: jsonResponse(errorBody, 'No such case'),
      409: jsonResponse(errorBody, 'Case closed or attachment limit reached'), 413: jsonResponse(errorBody, 'File too large'),
      415: jsonResponse(errorBody, 'Type not accepted, or content not of that type'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const { files } = c.req.valid('json')
    const caller = c.get('caller')
    const checked = files.map((file) => ({ file, bytes: checkFile(ctx.config.attachments, file) }))
    const items = await ctx.db.tx(async (tx) => {
      const found = await lockCase(tx, ctx, id)
      if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId: id })
      assertSameCustomer(caller, found.customerId ?? '')
      if (found.status === 'closed' || (caller.kind === 'customer' && !isActive(found.status))) throw complaintsErrors.CASE_CLOSED({ caseId: id, status: found.status })
      const at = ctx.now().toISOString()
      const actor = actorOf(caller)
      const stored = await addAttachments(tx, ctx.config.attachments, id, checked, actor, at)
      await recordHistory(tx, id, { action: 'attachment', actor, fromStatus: null, toStatus: null, at, details: { attachmentIds: stored.map((a) => a.id) } }, 'customer')
      return stored
    })
    return c.json({ items }, 201)
  },
)

/** @example ctx.route(getAttachmentRoute(ctx)) */
export const getAttachmentRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/cases/{id}/attachments/{attachmentId}', access: { ...policies.staffRead('customers:read'), customerLink: LINK },
    summary: 'Download an attachment (staff, or the case customer through a link)',
    request: { params: attachmentParams },
    responses: { 200: { description: 'The file' }, 404: jsonResponse(errorBody, 'No such case or attachment'), ...commonErrors },
  },
  async (c) => {
    const { id, attachmentId } = c.req.valid('param')
    const found = await findCase(ctx.db, id, ctx.now())
    if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId: id })
    assertSameCustomer(c.get('caller'), found.customerId ?? '')
    const file = await readAttachment(ctx.db, id, attachmentId)
    if (!file) throw complaintsErrors.ATTACHMENT_NOT_FOUND({ attachmentId })
    return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
    })
  },
)
