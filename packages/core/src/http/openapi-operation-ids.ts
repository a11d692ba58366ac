/**
 * @module
 * Gives every operation of the OpenAPI document an `operationId`, and every path parameter and the
 * common query parameters (paging, periods) a description, so generated clients get readable method names and the reference reads as prose.
 * A route's own `operationId` or parameter description always wins.
 */
import { queryParameterDescription } from './openapi-query-descriptions.js'
import type { OpenApiDocument } from './openapi-document.js'

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'] as const

type Operation = { operationId?: string; parameters?: unknown[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }
type Parameter = { in?: string; name?: string; description?: string }

/**
 * Fills in missing operation ids and parameter descriptions, in place.
 * @example describeOperations(doc) // GET /api/v1/customers/{id} gets operationId 'getCustomer'
 */
export function describeOperations(doc: OpenApiDocument): void {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>
  const derived: { op: Operation; path: string }[] = []
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method]
      if (!op) continue
      if (op.operationId === undefined) {
        op.operationId = operationIdOf(method, path, returnsList(op, schemas))
        derived.push({ op, path })
      }
      for (const p of (op.parameters ?? []) as Parameter[]) {
        if (p.in === 'path' && p.name && !p.description) p.description = pathParameterDescription(path, p.name)
        else if (p.in === 'query' && p.name && !p.description && Object.hasOwn(QUERY_DESCRIPTIONS, p.name)) p.description = QUERY_DESCRIPTIONS[p.name]
        else if (p.in === 'query' && p.name && !p.description) p.description = queryParameterDescription(path, p.name)
      }
    }
  }
  // Two derived ids alike (`POST /voucher-uses`, `POST /vouchers/{code}/uses`): the ones whose path
  // has parameters say them (`...VoucherUseByCode`). Whatever still collides fails the lint test.
  const count = new Map<string, number>()
  for (const { op } of derived) count.set(op.operationId!, (count.get(op.operationId!) ?? 0) + 1)
  for (const { op, path } of derived) {
    const params = splitPath(path).segments.filter(isParam).map((s) => upperFirst(camel(s)))
    if (count.get(op.operationId!)! > 1 && params.length > 0) op.operationId += `By${params.join('And')}`
  }
}

/**
 * The derived id: camelCase words of the path after `/api/v1/` (or `/api/`), led by a verb from the
 * method, and for plugin routes (`/api/p/<plugin>/...`) led by the plugin's name.
 * - A segment right before a `{param}` names one item, so it is made singular: `customers/{id}` → `Customer`.
 * - GET: `get`, or `list` when the 200 answer is an array or a page (`items`).
 * - POST to a plural segment creates one: `POST /customers` → `createCustomer`; POST to any other
 *   segment is an action named by that segment: `POST /customers/{id}/erase` → `eraseCustomer`.
 * - PUT `replace`, PATCH `update`, DELETE `delete`; any method on `{param}` keeps its plain name.
 * - Plugin: `GET /api/p/points-membership/members` → `pointsMembershipListMembers`.
 * Ids must be unique: alike derived ids get their path parameters (`describeOperations`); a collision
 * left after that fails the OpenAPI test and is settled with an explicit `operationId` on the route.
 * @example operationIdOf('get', '/api/v1/customers/{id}', false) // 'getCustomer'
 */
export function operationIdOf(method: string, path: string, list: boolean): string {
  const { plugin, segments } = splitPath(path)
  const words: string[] = []
  segments.forEach((segment, i) => {
    if (isParam(segment)) return
    const next = segments[i + 1]
    words.push(camel(next !== undefined && isParam(next) ? singular(segment) : segment))
  })
  const last = segments.at(-1)
  let verb: string
  if (last === undefined || isParam(last)) verb = method === 'get' ? 'get' : VERBS[method] ?? method
  else if (method === 'get') verb = list ? 'list' : 'get'
  else if (method === 'post') {
    if (isPlural(last)) { verb = 'create'; words[words.length - 1] = camel(singular(last)) }
    else verb = words.pop()!
  } else verb = VERBS[method] ?? method
  const id = [verb, ...words.map(upperFirst)].join('')
  return plugin ? camel(plugin) + upperFirst(id) : id
}

/**
 * `id` → "The customer's id" (the item named by the segment before it); `customerId` → "The customer id";
 * a name the segment already says (`jobs/{job}`) → "The job".
 * @example pathParameterDescription('/api/v1/customers/{id}', 'id') // "The customer's id"
 */
export function pathParameterDescription(path: string, name: string): string {
  const { segments } = splitPath(path)
  const at = segments.indexOf(`{${name}}`)
  const before = at > 0 ? segments[at - 1]! : undefined
  const item = before && !isParam(before) && isPlural(before) ? words(singular(before)) : undefined
  const said = words(name)
  if (!item) return `The ${said}`
  if (item.includes(said) || said.startsWith(item)) return `The ${said}`
  return `The ${item}'s ${said}`
}

/** Query parameters that mean the same on every route (paging, periods); others are described by their route. */
const QUERY_DESCRIPTIONS: Record<string, string> = {
  limit: 'The most items one page holds',
  cursor: "Where the page starts, from the previous page's answer; none for the first page",
  from: 'Start of the period',
  to: 'End of the period',
  timeZone: 'The IANA time zone of the dates (for example Asia/Shanghai)',
}

const VERBS: Record<string, string> = { put: 'replace', patch: 'update', delete: 'delete', post: 'post' }

function splitPath(path: string): { plugin?: string; segments: string[] } {
  const parts = path.split('/').filter(Boolean)
  if (parts[0] === 'api' && parts[1] === 'p' && parts[2]) return { plugin: parts[2], segments: parts.slice(3) }
  return { segments: parts[0] === 'api' && parts[1] === 'v1' ? parts.slice(2) : parts.slice(parts[0] === 'api' ? 1 : 0) }
}

const isParam = (segment: string) => segment.startsWith('{')
const isPlural = (segment: string) => /[^su]s$/.test(segment) || /(ss|x|ch|sh)es$/.test(segment)

function singular(segment: string): string {
  if (/ies$/.test(segment)) return segment.slice(0, -3) + 'y'
  if (/(ss|x|ch|sh)es$/.test(segment)) return segment.slice(0, -2)
  if (/[^su]s$/.test(segment)) return segment.slice(0, -1)
  return segment
}

/** `by-external-id` and `export.csv` → `byExternalId`, `exportCsv`. */
function camel(segment: string): string {
  return segment.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : upperFirst(w))).join('')
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1)

/** `customerId` or `canned-replies` → "customer id", "canned replies". */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean).join(' ').toLowerCase()
}

/** Whether the 200 answer is an array or a page of `items`, following one `$ref`. */
function returnsList(op: Operation, schemas: Record<string, unknown>): boolean {
  let schema = (op.responses?.['200'] ?? op.responses?.['201'])?.content?.['application/json']?.schema as { $ref?: string; type?: string; properties?: Record<string, unknown> } | undefined
  if (schema?.$ref) schema = schemas[schema.$ref.split('/').pop()!] as typeof schema
  return schema?.type === 'array' || schema?.properties?.items !== undefined
}
