import { sample } from 'openapi-sampler'
import type { OpenApiDocument } from './openapi-document.js'

type Media = { schema?: object; example?: unknown; examples?: unknown }
type Operation = { requestBody?: { content?: Record<string, Media> }; responses?: Record<string, { content?: Record<string, Media> }> }

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

/**
 * Bodies that are not JSON, where no schema can say what a real one looks like: each CSV import
 * shows its header row and a row (the columns its row kind requires), an HTML page is a page.
 */
const CSV_EXAMPLES: Record<string, string> = {
  '/api/v1/imports/customers': 'externalId,name,email,phone\nshop-0001,王芳,wang.fang@example.com,13800138000\n',
  '/api/v1/imports/orders': 'orderId,customerExternalId,amount,currency,occurredAt,channel\nSO-10001,shop-0001,128.00,CNY,2026-11-01T10:15:00+08:00,store\n',
  '/api/p/satisfaction-survey/imports/responses': 'responseId,answeredAt,customerExternalId,answers.nps\nR-0001,2026-11-02T09:00:00+08:00,shop-0001,9\n',
  '/api/p/complaint-tracking/imports/cases': 'caseId,openedAt,category,status,customerExternalId,subject\nOLD-0001,2026-10-20T14:30:00+08:00,product,resolved,shop-0001,屏幕有划痕\n',
}
const TEXT_EXAMPLES: Record<string, string> = {
  'text/csv': 'externalId\nshop-0001\n',
  'text/html': '<!doctype html><html lang="zh-CN"><body><p>您已退订。You are unsubscribed.</p></body></html>',
  'text/javascript': 'export default { plugin: "tiering", pages: [] }\n',
}

/**
 * Values for the string patterns the schemas share, by the pattern's source: the sampler cannot
 * invent a string that matches a pattern, and an example that breaks its own schema misleads.
 */
const PATTERN_EXAMPLES: Record<string, string> = {
  '^[A-Z]{3}$': 'CNY',
  '^#[0-9a-fA-F]{6}$': '#1f6feb',
  '^([01]\\d|2[0-3]):[0-5]\\d$': '21:00',
  '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$': '09:00',
  '^(\\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$': '1990-05-17',
  '^\\+?[0-9 ()-]{5,20}$': '+86 138 0013 8000',
  '^[A-Za-z0-9_-]{16,64}$': 'k3J9x2Lq8mN4pR7sT1vW',
  '^(\\*|[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9-]*)+)$': 'order.completed',
}

/** Gives every patterned string schema in the document without an example the one for its pattern. */
function describePatterns(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) describePatterns(child)
    return
  }
  if (!node || typeof node !== 'object') return
  const schema = node as { pattern?: unknown; example?: unknown }
  if (typeof schema.pattern === 'string' && schema.example === undefined && Object.hasOwn(PATTERN_EXAMPLES, schema.pattern)) schema.example = PATTERN_EXAMPLES[schema.pattern]
  for (const child of Object.values(node)) describePatterns(child)
}

/** An example for one media type: the schema's own samples (property examples, defaults, enums) put together. */
function exampleOf(doc: OpenApiDocument, path: string, type: string, media: Media, direction: 'request' | 'response'): unknown {
  if (type === 'text/csv' && CSV_EXAMPLES[path]) return CSV_EXAMPLES[path]
  if (type in TEXT_EXAMPLES) return TEXT_EXAMPLES[type]
  // openapi-sampler resolves $refs against the document and leaves out what the direction never carries.
  return sample((media.schema ?? {}) as never, direction === 'request' ? { skipReadOnly: true, quiet: true } : { skipWriteOnly: true, quiet: true }, doc as never)
}

/**
 * Gives every request body and every 2xx response an `example` where its route gave none, built
 * from its schema by Redocly's openapi-sampler: a property's own `example` (set in the zod schema
 * with `.openapi({ example })`) wins, then its default, its first enum value, its format.
 * Examples a route wrote itself are kept as they are.
 * @example describeExamples(doc) // POST /api/v1/customers: requestBody.content['application/json'].example = { externalId: 'shop-0001', ... }
 */
export function describeExamples(doc: OpenApiDocument): void {
  describePatterns(doc.components)
  describePatterns(doc.paths)
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method]
      if (!op) continue
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        if (media.example === undefined && media.examples === undefined) media.example = exampleOf(doc, path, type, media, 'request')
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!status.startsWith('2')) continue
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (media.example === undefined && media.examples === undefined) media.example = exampleOf(doc, path, type, media, 'response')
        }
      }
    }
  }
}
