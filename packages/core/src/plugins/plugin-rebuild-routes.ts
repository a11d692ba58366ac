/**
 * @module
 * Rule preview and versioned rebuild of one plugin's profile fields: preview replays the event
 * log as the plugin would run (a proposed config, or not yet enabled) and rolls back; rebuild
 * applies the config and replays for real, recording a numbered rebuild. Owners and admins only.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../audit/audit-log.js'
import { policies } from '../http/access.js'
import type { Caller } from '../http/app-env.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import { previewRebuild } from '../profile/preview-rebuild.js'
import type { CoreServices } from '../services.js'
import type { PluginHost } from './plugin-host.js'
import { previewCandidate } from './preview-candidate.js'
import { rebuildPlugin } from './rebuild-plugin.js'

const nameParam = z.object({ name: z.string().max(60) })
const proposal = z.object({ config: z.record(z.string(), z.unknown()).optional() }).strict()
const previewProposal = proposal.extend({
  days: z.number().int().min(1).max(366).optional().openapi({ description: "Days of history the plugin's impact preview replays (default 30)" }),
}).strict()
/** The body is optional: without one, the plugin's current config is used. */
const optionalBody = { ...jsonBody(proposal, 'The config to try; default: the current one'), required: false }
const value = z.union([z.number(), z.string(), z.boolean(), z.null()])

const previewSchema = z
  .object({
    plugin: z.string(),
    customers: z.number().int().openapi({ description: "Customers holding a value of the plugin's fields before or after" }),
    changedCustomers: z.number().int(),
    eventsReplayed: z.number().int().openapi({ description: "Events that ran through the plugin's rules or its impact preview" }),
    impact: z.record(z.string(), z.unknown()).nullable()
      .openapi({ description: "What the proposed config would change in the plugin's own records over the last `days` days (points-membership: points issued, customers affected, liability); null for a plugin without an impact preview" }),
    fields: z.array(z.object({
      field: z.string(),
      changed: z.number().int(),
      examples: z.array(z.object({ customerId: z.string(), before: value, after: value })),
    })),
  })
  .openapi('RebuildPreview')

const rebuildSchema = z
  .object({
    id: z.string(),
    plugin: z.string(),
    version: z.number().int(),
    pluginVersion: z.string(),
    configHash: z.string(),
    rules: z.array(z.object({ id: z.string(), version: z.number().int() })),
    requestedBy: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string(),
    report: z.object({ customers: z.number().int(), fields: z.number().int(), changed: z.number().int(), checksumBefore: z.string(), checksumAfter: z.string() }),
  })
  .openapi('ProfileRebuild')

const actorOf = (caller: Caller): string | null => (caller.kind === 'user' ? caller.userId : caller.kind === 'apiKey' ? caller.keyId : null)

const refusals = {
  404: jsonResponse(errorBody, 'Not installed'),
  409: jsonResponse(errorBody, 'The plugin could not be enabled (a required plugin is not active, or its definition is invalid)'),
  422: jsonResponse(errorBody, 'Invalid config; details name the fields'),
}

/** The preview and rebuild routes over a host. */
export function pluginRebuildRoutes(s: CoreServices, host: PluginHost) {
  const preview = defineRoute(
    {
      method: 'post', path: '/api/v1/plugins/{name}/preview', access: policies.admins, tags: ['plugins'],
      summary: 'Dry run: replay the event log for this plugin with a proposed config (or before enabling it) and show which profile fields would change; nothing is stored',
      request: { params: nameParam, body: { ...jsonBody(previewProposal, 'The config to try (default: the current one) and the days to replay'), required: false } },
      responses: { 200: jsonResponse(previewSchema, 'What a rebuild would change'), ...refusals, ...commonErrors },
    },
    async (c) => {
      const { config, days } = c.req.valid('json')
      const { name } = c.req.valid('param')
      const candidate = previewCandidate(s, host, name, config)
      const current = host.runtime.active().find((p) => p.definition.name === name)?.config
      return c.json(await previewRebuild(s, { ...candidate, ...(days === undefined ? {} : { days }), current }), 200)
    },
  )
  const rebuild = defineRoute(
    {
      method: 'post', path: '/api/v1/plugins/{name}/rebuild', access: policies.admins, tags: ['plugins'],
      summary: "Apply: store the config (if given, enabling the plugin if needed) and rebuild the plugin's profile fields from the event log, as a numbered rebuild",
      request: { params: nameParam, body: optionalBody },
      responses: { 200: jsonResponse(rebuildSchema, 'The recorded rebuild'), ...refusals, ...commonErrors },
    },
    async (c) => {
      const { name } = c.req.valid('param')
      const { config } = c.req.valid('json')
      const caller = c.get('caller')
      const result = await rebuildPlugin(s, host, name, { ...(config === undefined ? {} : { config }), requestedBy: actorOf(caller) })
      await recordAudit(s.db, s.now(), {
        caller, action: 'plugin.rebuilt', targetType: 'plugin', targetId: name, requestId: c.get('requestId'),
        details: { rebuild: result.id, version: result.version, configKeys: config === undefined ? null : Object.keys(config), changed: result.report.changed },
      })
      return c.json(result, 200)
    },
  )
  return [preview, rebuild]
}
