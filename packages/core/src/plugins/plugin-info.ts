/**
 * @module
 * What `/api/v1/plugins` shows of a plugin: its declarations (config JSON Schema, profile fields,
 * events, rules), its live state and its failures on events. The admin generates the settings
 * form from `configSchema`.
 */
import { z } from '@hono/zod-openapi'
import type { PluginDefinition } from './contract.js'
import type { FailureSummary } from './plugin-failure-store.js'
import type { PluginHost } from './plugin-host.js'

const labels = z.object({ en: z.string(), 'zh-CN': z.string() })
const codedError = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })

/** A plugin's failures on events: each dropped that plugin's work on one event, the others applied it. */
export const pluginFailuresSchema = z.object({
  total: z.number().int().describe('Failures recorded since the plugin was installed'),
  recent: z.number().int().describe('Failures that count towards a quarantine: within the window, since an admin last enabled it'),
  limit: z.number().int().describe('Recent failures that quarantine it (RAPPORT_PLUGIN_FAILURE_LIMIT)'),
  windowMinutes: z.number().int().describe('The window, in minutes (RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES)'),
  last: z.object({
    at: z.string(),
    event: z.object({ id: z.string(), seq: z.number().int(), type: z.string() }),
    kind: z.enum(['rule', 'subscriber']),
    handler: z.string().describe('The rule id or the subscriber id'),
    error: codedError,
    reason: z.string().nullable().describe('What the plugin threw, when it was not a coded error; owners and admins only'),
  }).nullable(),
})

export const pluginInfoSchema = z
  .object({
    name: z.string(),
    namespace: z.string(),
    version: z.string(),
    state: z.enum(['active', 'disabled', 'failed']),
    enabled: z.boolean(),
    required: z.boolean(),
    error: codedError.nullable(),
    requires: z.record(z.string(), z.string()),
    optional: z.record(z.string(), z.string()),
    config: z.unknown(),
    configSchema: z.record(z.string(), z.unknown()),
    profileFields: z.array(z.object({ field: z.string(), kind: z.string(), label: labels, values: z.array(z.string()).optional(), valueLabels: z.record(z.string(), labels).optional() })),
    events: z.array(z.object({ type: z.string(), schema: z.record(z.string(), z.unknown()) })),
    rules: z.array(z.object({ id: z.string(), version: z.number(), on: z.array(z.string()) })),
    extensionPoints: z.array(z.object({ id: z.string(), description: z.string() })),
    admin: z.string().nullable(),
    failures: pluginFailuresSchema,
  })
  .openapi('Plugin')

export type PluginInfo = z.infer<typeof pluginInfoSchema>

/** A JSON Schema of a zod schema, or an empty schema when it has parts JSON Schema cannot express. */
function jsonSchemaOf(schema: z.ZodType | undefined): Record<string, unknown> {
  if (!schema) return { type: 'object', properties: {} }
  try { return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> } catch { return {} }
}

/** Config keys whose values are credentials (a webhook's signing secret, a provider's token). */
const SECRET_KEY = /secret|password|token|api_?key/i
/** What a reader without the right to change settings sees instead of a credential. */
export const HIDDEN_SECRET = '********'

/** The config with every credential-like value replaced by {@link HIDDEN_SECRET}, at any depth. */
function hideSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideSecrets)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) && typeof v === 'string' && v !== '' ? HIDDEN_SECRET : hideSecrets(v)]),
  )
}

/**
 * What a caller sees of a plugin. Only those who may change settings (owners and admins) read its
 * credentials, and what it threw when it last failed on an event; agents and analysts see that a
 * credential is set, not what it is, and the failure's code and message.
 * `failures` is the plugin's summary from `loadFailureSummaries` (none: it never failed).
 * @example pluginInfo(host, definition, { revealSecrets: caller.role === 'owner', failures: summaries.get(definition.name) })
 */
export function pluginInfo(host: PluginHost, def: PluginDefinition, { revealSecrets = true, failures }: { revealSecrets?: boolean; failures: FailureSummary | undefined }): PluginInfo {
  const status = host.status(def.name)
  const config = status.config ?? null
  return {
    name: def.name, namespace: def.namespace, version: def.version, state: status.state, enabled: status.enabled,
    required: def.required === true, error: status.error ?? null,
    requires: { ...def.requires }, optional: { ...def.optional },
    config: revealSecrets ? config : hideSecrets(config), configSchema: jsonSchemaOf(def.config),
    profileFields: Object.entries(def.profile ?? {}).map(([key, spec]) => ({
      field: `${def.namespace}.${key}`, kind: spec.kind, label: spec.label,
      ...(spec.values ? { values: [...spec.values] } : {}), ...(spec.valueLabels ? { valueLabels: spec.valueLabels } : {}),
    })),
    events: Object.entries(def.events ?? {}).map(([type, schema]) => ({ type, schema: jsonSchemaOf(schema) })),
    rules: (def.scoring ?? []).map((r) => ({ id: r.id, version: r.version, on: Array.isArray(r.on) ? [...r.on] : [r.on as string] })),
    extensionPoints: Object.entries(def.extensionPoints ?? {}).map(([id, { description }]) => ({ id, description })),
    admin: def.admin ?? null,
    // What a plugin threw is its own text, which may quote what it was processing: for those who manage plugins only.
    failures: { total: failures?.total ?? 0, recent: failures?.recent ?? 0, ...host.failurePolicy, last: failures?.last ? { ...failures.last, reason: revealSecrets ? failures.last.reason : null } : null },
  }
}
