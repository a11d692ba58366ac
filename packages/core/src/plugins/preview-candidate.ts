/**
 * @module
 * The plugin a rule preview replays: an enabled plugin with a proposed config, or an installed
 * plugin that is not enabled, as enabling it would run it. Setup is not run (a replay calls only
 * rules and `recomputeProfile`, never routes or subscribers); its context reads the proposed config.
 */
import type { CoreServices } from '../services.js'
import { parseConfig } from './parse-config.js'
import { createPluginContext, emptyRegistrations } from './plugin-context.js'
import { pluginErrors } from './plugin-errors.js'
import type { PluginHost } from './plugin-host.js'
import type { ActivePlugin } from './runtime.js'
import { validateDefinition } from './validate-definition.js'

/** What {@link previewCandidate} returns. */
export type PreviewCandidate = {
  plugin: ActivePlugin
  /** True when the plugin is not active: its pending migrations must run first. */
  migrate: boolean
}

/**
 * @param s - the services
 * @param host - the plugin host
 * @param name - an installed plugin
 * @param config - the proposed config; default: the stored one
 * @throws PLUGIN_NOT_FOUND (404), PLUGIN_CONFIG_INVALID (422), PLUGIN_ENABLE_FAILED (409) for a
 * plugin that could not be enabled (an invalid definition, a required plugin not active)
 * @example const { plugin, migrate } = previewCandidate(s, host, 'points-membership', { pointsPerYuan: 2 })
 */
export function previewCandidate(s: CoreServices, host: PluginHost, name: string, config?: unknown): PreviewCandidate {
  const def = host.definitions().find((d) => d.name === name)
  if (!def) throw pluginErrors.NOT_FOUND({ plugin: name })
  const active = host.runtime.active().find((p) => p.definition.name === name)
  const parsed = parseConfig(def, config ?? host.status(name).config)
  if (!active) checkEnablable(s, host, def)
  const reg = emptyRegistrations()
  const plugin: ActivePlugin = {
    definition: def, config: parsed, subscriptions: reg.subscriptions, jobs: reg.jobs, extensions: reg.extensions,
    fields: active?.fields ?? new Map(Object.entries(def.profile ?? {}).map(([key, spec]) => [`${def.namespace}.${key}`, spec])),
    context: createPluginContext(s, def, () => parsed, reg),
  }
  return { plugin, migrate: !active }
}

/** Refuses what enabling would refuse before setup: a bad definition, fields it does not own, a required plugin that is not active. */
function checkEnablable(s: CoreServices, host: PluginHost, def: ActivePlugin['definition']): void {
  const refuse = (error: { code: string; message: string }) => {
    throw pluginErrors.ENABLE_FAILED({ plugin: def.name, error: { code: error.code, message: error.message } })
  }
  const invalid = validateDefinition(def)
  if (invalid) refuse(invalid)
  // The host registers a plugin's fields only when its definition passed the checks across plugins.
  const fields = s.runtime.fields()
  const unowned = Object.keys(def.profile ?? {}).find((key) => fields.get(`${def.namespace}.${key}`)?.plugin !== def.name)
  if (unowned !== undefined) refuse(host.status(def.name).error ?? pluginErrors.DEFINITION_INVALID({ plugin: def.name, problem: `field ${def.namespace}.${unowned} is not registered` }))
  for (const dep of Object.keys(def.requires ?? {})) {
    const state = host.definitions().some((d) => d.name === dep) ? host.status(dep).state : 'missing'
    if (state !== 'active') refuse(pluginErrors.REQUIRES_INACTIVE({ plugin: def.name, requires: dep, state }))
  }
}
