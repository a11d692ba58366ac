/**
 * @module
 * Runtime plugin management: list, enable, disable, configure. Changes take effect without a
 * restart, are stored (they survive restarts) and are audit-logged.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { allows, policies } from '../http/access.js'
import type { Caller } from '../http/app-env.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { pluginErrors } from './plugin-errors.js'
import { loadFailureSummaries } from './plugin-failure-store.js'
import type { PluginDefinition } from './contract.js'
import type { PluginHost } from './plugin-host.js'
import { pluginInfo, pluginInfoSchema } from './plugin-info.js'

const nameParam = z.object({ name: z.string().max(60) })

/** Those who may change a plugin's settings also read its credentials. */
const mayConfigure = (caller: Caller) => allows(policies.admins, caller)

/** Management routes over a host. */
export function pluginRoutes(s: CoreServices, host: PluginHost) {
  const find = (name: string) => {
    const def = host.definitions().find((d) => d.name === name)
    if (!def) throw pluginErrors.NOT_FOUND({ plugin: name })
    return def
  }
  /** What a caller sees of plugins, with their failures (one query for all). */
  const describe = async (defs: readonly PluginDefinition[], caller?: Caller) => {
    const failures = await loadFailureSummaries(s.db, host.failurePolicy, s.now())
    const revealSecrets = caller === undefined || mayConfigure(caller)
    return defs.map((d) => pluginInfo(host, d, { revealSecrets, failures: failures.get(d.name) }))
  }
  const audit = (caller: Caller, requestId: string, action: string, name: string, details?: Record<string, unknown>) =>
    recordAudit(s.db, s.now(), { caller, action, targetType: 'plugin', targetId: name, ...(details ? { details } : {}), requestId })

  const list = defineRoute(
    { method: 'get', path: '/api/v1/plugins', access: policies.signedIn, tags: ['plugins'], summary: 'Installed plugins with their state, config schema, fields, events and rules', responses: { 200: jsonResponse(z.object({ items: z.array(pluginInfoSchema) }), 'Plugins'), ...commonErrors } },
    async (c) => c.json({ items: await describe(host.definitions(), c.get('caller')) }, 200),
  )
  const get = defineRoute(
    { method: 'get', path: '/api/v1/plugins/{name}', access: policies.signedIn, tags: ['plugins'], summary: 'One plugin', request: { params: nameParam }, responses: { 200: jsonResponse(pluginInfoSchema, 'The plugin'), 404: jsonResponse(errorBody, 'Not installed'), ...commonErrors } },
    async (c) => c.json((await describe([find(c.req.valid('param').name)], c.get('caller')))[0]!, 200),
  )
  const toggle = (action: 'enable' | 'disable') =>
    defineRoute(
      {
        method: 'post', path: `/api/v1/plugins/{name}/${action}`, access: policies.admins, tags: ['plugins'],
        summary: action === 'enable' ? 'Enable a plugin: runs its migrations and mounts its routes, no restart' : 'Disable a plugin: unmounts its routes and keeps its data',
        request: { params: nameParam },
        responses: { 200: jsonResponse(pluginInfoSchema, 'The plugin'), 404: jsonResponse(errorBody, 'Not installed'), 409: jsonResponse(errorBody, 'Required by another plugin, or failed to boot'), ...commonErrors },
      },
      async (c) => {
        const def = find(c.req.valid('param').name)
        await (action === 'enable' ? host.enable(def.name) : host.disable(def.name))
        await audit(c.get('caller'), c.get('requestId'), `plugin.${action}d`, def.name)
        return c.json((await describe([def]))[0]!, 200)
      },
    )
  const configure = defineRoute(
    {
      method: 'put', path: '/api/v1/plugins/{name}/config', access: policies.admins, tags: ['plugins'], summary: 'Replace a plugin config (validated against its schema before it is stored)',
      request: { params: nameParam, body: jsonBody(z.record(z.string(), z.unknown())) },
      responses: { 200: jsonResponse(pluginInfoSchema, 'The plugin'), 404: jsonResponse(errorBody, 'Not installed'), 422: jsonResponse(errorBody, 'Invalid config; details name the fields'), ...commonErrors },
    },
    async (c) => {
      const def = find(c.req.valid('param').name)
      const config = c.req.valid('json')
      await host.configure(def.name, config)
      await audit(c.get('caller'), c.get('requestId'), 'plugin.configured', def.name, { keys: Object.keys(config) })
      return c.json((await describe([def]))[0]!, 200)
    },
  )
  return [list, get, toggle('enable'), toggle('disable'), configure]
}
