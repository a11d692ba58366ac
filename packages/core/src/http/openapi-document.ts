import type { OpenAPIHono } from '@hono/zod-openapi'
import type { PluginHost } from '../plugins/plugin-host.js'
import type { AppEnv } from './app-env.js'
import { describeExamples } from './openapi-examples.js'
import { describeOperations } from './openapi-operation-ids.js'
import { describeStandardEvents } from './openapi-standard-events.js'

/** The OpenAPI 3.1 document as `@hono/zod-openapi` builds it. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>

/**
 * The OpenAPI 3.1 document of core plus every plugin active right now, so a newly enabled
 * plugin's routes appear without a restart.
 * @example app.get('/api/openapi.json', (c) => c.json(openApiDocument(app, host, info)))
 */
// The return type is named so that declaration files (the published plugin SDK's) can emit it.
export function openApiDocument(app: OpenAPIHono<AppEnv>, host: PluginHost | undefined, info: { title: string; version: string; description: string }): OpenApiDocument {
  // A relative server: the API is where the document is served from, behind any proxy or host name.
  const config = { openapi: '3.1.0', info, servers: [{ url: '/', description: 'This Rapport server' }] }
  const doc = app.getOpenAPI31Document(config)
  for (const def of host?.definitions() ?? []) {
    const plugin = host!.appOf(def.name)
    if (!plugin) continue
    const part = plugin.app.getOpenAPI31Document(config)
    Object.assign((doc.paths ??= {}), part.paths)
    Object.assign(((doc.components ??= {}).schemas ??= {}), part.components?.schemas)
  }
  describeOperations(doc)
  describeStandardEvents(doc)
  describeExamples(doc)
  return doc
}
