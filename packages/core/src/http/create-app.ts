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
import type { Access } from './access.js'
import type { AppEnv } from './app-env.js'
import { resolveCaller } from './caller.js'
import { originCheck } from './csrf.js'
import { toOpenApiRoute, type CoreRoute } from './define-route.js'
import { errorBoundary } from './on-error.js'
import { requestLog } from './request-log.js'
import { validationHook } from './validation-hook.js'
import { coreRoutes } from '../routes.js'

/** A mounted route and its policy: the authorization matrix is built from this list. */
export type RouteInfo = { method: string; path: string; access: Access }

/** The built application. */
export type CoreApp = { app: OpenAPIHono<AppEnv>; routes: RouteInfo[] }

/**
 * @example
 * const { app } = createCoreApp(services)
 * serve({ fetch: app.fetch, port: 3000 })
 */
export function createCoreApp(services: CoreServices, extraRoutes: CoreRoute[] = []): CoreApp {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', requestId({ limitLength: 64 }))
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }))
  app.use('*', requestLog(services.log))
  app.use('/api/*', originCheck({ trustedOrigins: services.config.trustedOrigins ?? [], alwaysCheck: ['/api/v1/auth/login'] }))
  app.use('/api/*', resolveCaller(services))

  const routes: RouteInfo[] = []
  for (const route of [...coreRoutes(services), ...extraRoutes]) {
    if (!route.config.access) throw new TypeError(`Route ${route.config.method} ${route.config.path} declares no access policy`)
    app.openapi(toOpenApiRoute(route) as never, route.handler as never)
    routes.push({ method: route.config.method.toUpperCase(), path: route.config.path, access: route.config.access })
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'rapport_session' })
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'An API key: rk_<id>.<secret>' })
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Rapport API', version: services.config.version, description: 'Customer satisfaction and loyalty platform' },
  })
  routes.push({ method: 'GET', path: '/api/openapi.json', access: 'anonymous' })

  app.notFound((c) => { throw requestErrors.NOT_FOUND({ path: c.req.path }) })
  app.onError(errorBoundary(services.log))
  return { app, routes }
}
