/**
 * @module
 * One Hono app per active plugin, serving its routes under `/api/p/<name>` with the same
 * policies, limits and validation as core routes, and its own error handler that tags every
 * error with the plugin. The host swaps these apps in and out without a restart.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { cors } from 'hono/cors'
import type { Logger } from 'pino'
import { requestErrors, toRapportError } from '../errors/index.js'
import type { AppEnv, Caller } from '../http/app-env.js'
import { routeInfo, toOpenApiRoute, type RouteInfo } from '../http/define-route.js'
import { errorBoundary } from '../http/on-error.js'
import { validationHook } from '../http/validation-hook.js'

import type { PluginRoute } from './contract.js'
import { pluginErrors } from './plugin-errors.js'

/** What the core app hands a plugin app with each request. */
export type ForwardedEnv = { rapport: { caller: Caller; requestId: string } }

/** A built plugin app and the routes it serves. */
export type PluginApp = { app: OpenAPIHono<AppEnv>; routes: RouteInfo[] }

/**
 * Checks every route's policy, then builds the app; a route without a policy fails the plugin's boot.
 * @example const { app, routes } = buildPluginApp('tiering', registrations.routes, log)
 */
export function buildPluginApp(plugin: string, pluginRoutes: readonly PluginRoute[], log: Logger): PluginApp {
  const base = `/api/p/${plugin}`
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', async function forwardCaller(c, next) {
    const forwarded = (c.env as Partial<ForwardedEnv> | undefined)?.rapport
    c.set('caller', forwarded?.caller ?? { kind: 'anonymous' })
    c.set('requestId', forwarded?.requestId ?? c.req.header('x-request-id') ?? 'unknown')
    await next()
  })
  allowCrossOrigin(app, plugin, base, pluginRoutes)
  const routes: RouteInfo[] = []
  for (const route of pluginRoutes) {
    const { method, path, access } = route.config
    if (!access) throw pluginErrors.ROUTE_POLICY_MISSING({ plugin, route: `${String(method).toUpperCase()} ${path}` })
    const full = `${base}${path === '/' ? '' : path}`
    app.openapi(toOpenApiRoute({ config: { ...route.config, path: full, tags: route.config.tags ?? [plugin] }, handler: route.handler }) as never, route.handler as never)
    routes.push(routeInfo({ ...route.config, path: full }))
  }
  app.notFound((c) => { throw requestErrors.NOT_FOUND({ path: c.req.path }) })
  const boundary = errorBoundary(log)
  app.onError((err, c) => {
    const e = toRapportError(err)
    e.plugin ??= plugin
    return boundary(e, c)
  })
  return { app, routes }
}

/**
 * Anonymous routes marked `crossOrigin` answer CORS preflights and carry
 * `Access-Control-Allow-Origin: *`, never credentials: a page on another site gets no more than
 * any HTTP client already has. Registered before the routes so errors carry the header too.
 */
function allowCrossOrigin(app: OpenAPIHono<AppEnv>, plugin: string, base: string, pluginRoutes: readonly PluginRoute[]): void {
  const methodsByPath = new Map<string, string[]>()
  for (const { config } of pluginRoutes) {
    if (!config.crossOrigin) continue
    const route = `${String(config.method).toUpperCase()} ${config.path}`
    if (config.access !== 'anonymous') throw pluginErrors.DEFINITION_INVALID({ plugin, problem: `route ${route} is crossOrigin but not anonymous` })
    const path = `${base}${config.path === '/' ? '' : config.path}`.replace(/\{(\w+)\}/g, ':$1')
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), String(config.method).toUpperCase()])
  }
  for (const [path, methods] of methodsByPath) {
    app.use(path, cors({ origin: '*', allowMethods: methods, allowHeaders: ['content-type'], maxAge: 600 }))
  }
}
