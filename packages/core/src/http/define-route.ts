/**
 * @module
 * Core routes are values: an OpenAPI route (zod schemas for params, query, body and responses)
 * plus the policy that says who may call it and the body size it accepts.
 */
import { createRoute, type RouteConfig, type RouteHandler } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestErrors } from '../errors/index.js'
import { describeAccess, requireAccess, type Access } from './access.js'
import type { AppEnv } from './app-env.js'

/** Default limit for request bodies: 1 MiB. Routes that take batches or files raise it. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024

/** What a route adds to its OpenAPI config. */
export type RouteExtras = {
  /** Who may call it; required, a route without a policy fails the boot. */
  access: Access
  /** Largest accepted body in bytes. */
  bodyLimitBytes?: number
  /**
   * Callable from pages of any origin, without credentials (CORS `*`, preflight answered): only
   * for anonymous plugin routes, such as a survey widget embedded in another site.
   */
  crossOrigin?: boolean
}

/** A mounted route, its policy and what input it reads: the authorization matrix and the bad-input tests are built from this list. */
export type RouteInfo = { method: string; path: string; access: Access; body: boolean; query: boolean }

/** The RouteInfo of a route config. @example routeInfo(route.config) */
export function routeInfo(config: { method: string; path: string; access: Access; request?: { body?: unknown; query?: unknown } }): RouteInfo {
  return { method: config.method.toUpperCase(), path: config.path, access: config.access, body: config.request?.body !== undefined, query: config.request?.query !== undefined }
}

/** A route ready to be mounted. */
export type CoreRoute = {
  config: RouteConfig & RouteExtras
  handler: RouteHandler<any, AppEnv>
}

/**
 * Declares a route with its policy. The handler gets validated, typed input (`c.req.valid('json')`).
 * @example
 * export const getCustomer = defineRoute(
 *   { method: 'get', path: '/api/v1/customers/{id}', access: policies.staffRead('customers:read'),
 *     request: { params: z.object({ id: z.string() }) }, responses: { 200: jsonResponse(customerSchema, 'The customer') } },
 *   async (c) => c.json(await store.get(c.req.valid('param').id), 200),
 * )
 */
export function defineRoute<R extends RouteConfig>(config: R & RouteExtras, handler: RouteHandler<R, AppEnv>): CoreRoute {
  return { config, handler: handler as RouteHandler<any, AppEnv> }
}

/** Builds the Hono route: policy first, then body size, then content type, then validation. */
export function toOpenApiRoute(route: CoreRoute): RouteConfig {
  const { access, bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES, crossOrigin: _crossOrigin, ...config } = route.config
  const bodyContent = config.request?.body?.content ?? {}
  const mediaTypes = Object.keys(bodyContent)
  const middleware: MiddlewareHandler[] = [requireAccess(access) as MiddlewareHandler]
  if (mediaTypes.length > 0) {
    middleware.push(
      limitBody(bodyLimitBytes),
      requireMediaType(mediaTypes, (config.request?.body as { required?: boolean } | undefined)?.required === false),
    )
  }
  return createRoute({
    ...config,
    middleware,
    security: access === 'anonymous' ? [] : [{ session: [] }, ...(access.scope ? [{ apiKey: [access.scope] }] : [])],
    description: [config.description, `Access: ${describeAccess(access)}.`].filter(Boolean).join('\n\n'),
    'x-rapport-access': access,
  } as RouteConfig)
}

/**
 * Refuses bodies over the limit. With a Content-Length (and no chunked encoding) the header is
 * enough: Node's parser never reads past it, and not touching the stream keeps the hot path
 * from building a full web Request. Chunked bodies are counted as they stream.
 */
function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = () => requestErrors.BODY_TOO_LARGE({ limitBytes: maxSize })
  const streamed = bodyLimit({ maxSize, onError: () => { throw tooLarge() } })
  return async function limitBodyOf(c, next) {
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding')) return streamed(c, next)
    if (!/^\d+$/.test(length) || Number(length) > maxSize) throw tooLarge()
    await next()
  }
}

/** Refuses a body of another type; a route whose body is optional (`required: false`) also takes none. */
function requireMediaType(mediaTypes: string[], optional: boolean): MiddlewareHandler {
  return async function requireMediaTypeOf(c, next) {
    const header = c.req.header('content-type')
    const length = c.req.header('content-length')
    if (optional && header === undefined && !c.req.header('transfer-encoding') && (length === undefined || length === '0')) return next()
    const type = (header ?? '').split(';')[0]!.trim().toLowerCase()
    if (!mediaTypes.includes(type)) throw requestErrors.UNSUPPORTED_MEDIA_TYPE({ expected: mediaTypes.join(' or ') })
    await next()
  }
}
