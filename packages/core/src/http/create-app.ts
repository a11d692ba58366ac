/**
 * @module
 * Builds the Hono application for core: middleware in order, every route mounted with its policy,
 * the OpenAPI document, and the error boundary. Process concerns (listening, signals, static
 * files) belong to apps/api.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { requestErrors } from '../errors/index.js'
import type { CoreServices } from '../services.js'
import type { AppEnv } from './app-env.js'
import { actAsCaller } from './act-as-caller.js'
import { resolveCaller } from './caller.js'
import { originCheck } from './csrf.js'
import { routeInfo, toOpenApiRoute, type CoreRoute, type RouteInfo } from './define-route.js'
import { errorBoundary } from './on-error.js'
import { requestLog } from './request-log.js'
import { validationHook } from './validation-hook.js'
import { coreRoutes } from '../routes.js'
import type { PluginHost } from '../plugins/plugin-host.js'
import { pluginDispatch } from '../plugins/plugin-dispatch.js'
import { pluginRoutes } from '../plugins/plugin-routes.js'
import { pluginRebuildRoutes } from '../plugins/plugin-rebuild-routes.js'
import { openApiDocument } from './openapi-document.js'

export type { RouteInfo } from './define-route.js'

/** The built application; `routes` includes the routes of the plugins active right now. */
export type CoreApp = { app: OpenAPIHono<AppEnv>; readonly routes: RouteInfo[] }

/** Options: the plugin host whose plugins this app serves. */
export type CoreAppOptions = { host?: PluginHost; extraRoutes?: CoreRoute[] }

/**
 * @example
 * const { app } = createCoreApp(services)
 * serve({ fetch: app.fetch, port: 3000 })
 */
export function createCoreApp(services: CoreServices, { host, extraRoutes = [] }: CoreAppOptions = {}): CoreApp {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', requestId({ limitLength: 64 }))
  // overwrite: false lets a response choose its own value, e.g. a widget script other sites load
  // needs `Cross-Origin-Resource-Policy: cross-origin`; everything else gets the strict defaults.
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, overwrite: false }))
  app.use('*', requestLog(services.log))
  app.use('/api/*', originCheck({ trustedOrigins: services.config.trustedOrigins ?? [], alwaysCheck: ['/api/v1/auth/login'] }))
  app.use('/api/*', resolveCaller(services))
  app.use('/api/*', actAsCaller())

  const routes: RouteInfo[] = []
  const served = () => [...routes, ...(host?.routes() ?? [])]
  const management = host ? [...pluginRoutes(services, host), ...pluginRebuildRoutes(services, host)] : []
  for (const route of [...coreRoutes(services, served), ...management, ...extraRoutes]) {
    if (!route.config.access) throw new TypeError(`Route ${route.config.method} ${route.config.path} declares no access policy`)
    app.openapi(toOpenApiRoute(route) as never, route.handler as never)
    routes.push(routeInfo(route.config))
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'rapport_session' })
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'An API key: rk_<id>.<secret>' })
  const info = { title: 'Rapport API', version: services.config.version, description: 'Customer satisfaction and loyalty platform' }
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app, host, info)))
  routes.push({ method: 'GET', path: '/api/openapi.json', access: 'anonymous', body: false, query: false })
  if (host) {
    app.all('/api/p/:plugin', pluginDispatch(host))
    app.all('/api/p/:plugin/*', pluginDispatch(host))
  }

  app.notFound((c) => { throw requestErrors.NOT_FOUND({ path: c.req.path }) })
  app.onError(errorBoundary(services.log))
  return { app, get routes() { return served() } }
}
