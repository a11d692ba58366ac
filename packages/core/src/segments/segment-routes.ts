/**
 * @module
 * The saved segments API under `/api/v1/segments`: list, create, read, replace, delete; the live
 * count, a preview count of an unsaved definition, the members (keyset pages) and a CSV export.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { toCustomer } from '../customers/customer-row.js'
import { policies } from '../http/access.js'
import { defineRoute, type CoreRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { segmentCsv } from './segment-csv.js'
import { countMembers, memberPages, pageMembers, savedSegmentCondition } from './segment-members.js'
import {
  countPreviewRequest, segmentCountSchema, segmentIdParams, segmentMembersPageSchema, segmentMembersQuery, segmentRequest, segmentSchema,
} from './segment-schemas.js'
import { segmentCondition } from './segment-sql.js'
import { createSegment, deleteSegment, getSegment, listSegments, replaceSegment } from './segment-store.js'

const notFound = { 404: jsonResponse(errorBody, 'No such segment') }
const stale = { 409: jsonResponse(errorBody, 'The segment uses a field no enabled plugin declares') }
const read = policies.staffRead('customers:read')
const write = policies.staffWrite('customers:write')

/**
 * Every segment route, for `coreRoutes`.
 * @example const routes = segmentRoutes(services) // GET /api/v1/segments, POST /api/v1/segments, …
 */
export function segmentRoutes(s: CoreServices): CoreRoute[] {
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/segments', access: read, tags: ['segments'], summary: 'Every saved segment, by name',
      responses: { 200: jsonResponse(z.object({ items: z.array(segmentSchema) }), 'The segments'), ...commonErrors },
    },
    async (c) => c.json({ items: await listSegments(s.db) }, 200),
  )

  const create = defineRoute(
    {
      method: 'post', path: '/api/v1/segments', access: write, tags: ['segments'], summary: 'Save a segment',
      description: 'The definition is checked against the declared profile fields; a bad condition is a 400 naming it (`definition.groups.0.conditions.1`).',
      request: { body: jsonBody(segmentRequest) },
      responses: { 201: jsonResponse(segmentSchema, 'Saved'), ...commonErrors },
    },
    async (c) => {
      const input = c.req.valid('json')
      const caller = c.get('caller')
      const segment = await s.db.tx(async (tx) => {
        const created = await createSegment(tx, s.runtime.fields(), input, { createdBy: caller.kind === 'user' ? caller.userId : caller.kind === 'apiKey' ? caller.keyId : null, now: s.now() })
        await recordAudit(tx, s.now(), { caller, action: 'segment.created', targetType: 'segment', targetId: created.id, details: { name: created.name }, requestId: c.get('requestId') })
        return created
      })
      return c.json(segment, 201)
    },
  )

  const preview = defineRoute(
    {
      method: 'post', path: '/api/v1/segments/preview', access: read, tags: ['segments'], summary: 'How many customers an unsaved definition selects',
      request: { body: jsonBody(countPreviewRequest) },
      responses: { 200: jsonResponse(segmentCountSchema, 'The count'), ...commonErrors },
    },
    async (c) => c.json({ count: await countMembers(s.db, segmentCondition(s.runtime.fields(), c.req.valid('json').definition)) }, 200),
  )

  const get = defineRoute(
    {
      method: 'get', path: '/api/v1/segments/{id}', access: read, tags: ['segments'], summary: 'One segment',
      request: { params: segmentIdParams },
      responses: { 200: jsonResponse(segmentSchema, 'The segment'), ...notFound, ...commonErrors },
    },
    async (c) => c.json(await getSegment(s.db, c.req.valid('param').id), 200),
  )

  const replace = defineRoute(
    {
      method: 'put', path: '/api/v1/segments/{id}', access: write, tags: ['segments'], summary: "Replace a segment's name and definition",
      request: { params: segmentIdParams, body: jsonBody(segmentRequest) },
      responses: { 200: jsonResponse(segmentSchema, 'Replaced'), ...notFound, ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const segment = await s.db.tx(async (tx) => {
        const replaced = await replaceSegment(tx, s.runtime.fields(), id, input, s.now())
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'segment.updated', targetType: 'segment', targetId: id, details: { name: replaced.name }, requestId: c.get('requestId') })
        return replaced
      })
      return c.json(segment, 200)
    },
  )

  const remove = defineRoute(
    {
      method: 'delete', path: '/api/v1/segments/{id}', access: write, tags: ['segments'], summary: 'Delete a segment',
      request: { params: segmentIdParams },
      responses: { 200: jsonResponse(segmentSchema, 'Deleted; the segment as it was'), ...notFound, ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const segment = await s.db.tx(async (tx) => {
        const deleted = await deleteSegment(tx, id)
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'segment.deleted', targetType: 'segment', targetId: id, details: { name: deleted.name }, requestId: c.get('requestId') })
        return deleted
      })
      return c.json(segment, 200)
    },
  )

  const count = defineRoute(
    {
      method: 'get', path: '/api/v1/segments/{id}/count', access: read, tags: ['segments'], summary: 'How many customers are in the segment now',
      request: { params: segmentIdParams },
      responses: { 200: jsonResponse(segmentCountSchema, 'The count'), ...notFound, ...stale, ...commonErrors },
    },
    async (c) => {
      const segment = await getSegment(s.db, c.req.valid('param').id)
      return c.json({ count: await countMembers(s.db, savedSegmentCondition(s.runtime.fields(), segment)) }, 200)
    },
  )

  const customers = defineRoute(
    {
      method: 'get', path: '/api/v1/segments/{id}/customers', access: read, tags: ['segments'], summary: "The segment's customers, by id",
      description: 'Keyset-paginated: pass nextCursor back as cursor. Erased customers are never members.',
      request: { params: segmentIdParams, query: segmentMembersQuery },
      responses: { 200: jsonResponse(segmentMembersPageSchema, 'One page'), ...notFound, ...stale, ...commonErrors },
    },
    async (c) => {
      const segment = await getSegment(s.db, c.req.valid('param').id)
      const { limit, cursor } = c.req.valid('query')
      const page = await pageMembers(s.db, segment.id, savedSegmentCondition(s.runtime.fields(), segment), { limit, cursor })
      return c.json({ items: page.rows.map((r) => toCustomer(r, s.pii)), nextCursor: page.nextCursor }, 200)
    },
  )

  const exportCsv = defineRoute(
    {
      method: 'get', path: '/api/v1/segments/{id}/export.csv', access: policies.personalDataExport, tags: ['segments'], summary: "The segment's customers as CSV, streamed",
      description: "UTF-8 with a BOM: the customer's columns, then every declared profile field. Personal data: owners and admins only; each export is recorded in the audit log with its row count.",
      request: { params: segmentIdParams },
      responses: { 200: { description: 'CSV, streamed' }, ...notFound, ...stale, ...commonErrors },
    },
    async (c) => {
      const segment = await getSegment(s.db, c.req.valid('param').id)
      // Everything that can refuse the request runs before the first byte is sent.
      const where = savedSegmentCondition(s.runtime.fields(), segment)
      const body = segmentCsv({ db: s.db, pii: s.pii, fields: s.runtime.fields(), pages: memberPages(s.db, segment.id, where) })
      // Recorded before the first byte, with the members counted now: no export leaves unrecorded.
      const rows = await countMembers(s.db, where)
      await recordAudit(s.db, s.now(), { caller: c.get('caller'), action: 'segment.exported', targetType: 'segment', targetId: segment.id, details: { name: segment.name, rows }, requestId: c.get('requestId') })
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="segment-${segment.id}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      })
    },
  )

  return [list, create, preview, get, replace, remove, count, customers, exportCsv]
}
