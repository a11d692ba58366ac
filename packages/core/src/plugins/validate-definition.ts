/**
 * @module
 * Checks one plugin definition on its own, in a fixed order: name, namespace, version, host
 * range, then its declarations (events, tables, fields, rules, extension points). The first
 * problem is returned as a coded error naming the plugin, what it wanted and what it found.
 */
// Only the three functions used: the whole of semver costs twice the start-up time and memory.
import valid from 'semver/functions/valid.js'
import satisfies from 'semver/functions/satisfies.js'
import validRange from 'semver/ranges/valid.js'
import type { RapportError } from '../errors/rapport-error.js'
import { HOST_API_VERSION, type PluginDefinition } from './contract.js'
import { pluginErrors } from './plugin-errors.js'

export const PLUGIN_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
export const NAMESPACE_PATTERN = /^[a-z][a-zA-Z0-9]{1,19}$/
const FIELD_PATTERN = /^[a-z][a-zA-Z0-9]{0,39}$/
/** The path of a plugin's static pages: one segment, and never the API's or the admin's. */
export const PAGES_PATH_PATTERN = /^\/(?!api$|admin$)[a-z][a-z0-9-]{0,39}$/
const RESERVED_NAMESPACES = new Set(['core', 'order', 'customer', 'api', 'host', 'plugin'])

/** snake_case of a namespace: the prefix of its tables (`churnRisk` → `churn_risk`). @example tablePrefix('churnRisk') */
export const tablePrefix = (namespace: string) => namespace.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** @example const error = validateDefinition(plugin); if (error) markFailed(plugin.name, error) */
export function validateDefinition(def: PluginDefinition): RapportError | undefined {
  const plugin = String(def.name)
  const invalid = (problem: string) => pluginErrors.DEFINITION_INVALID({ plugin, problem })
  if (typeof def.name !== 'string' || def.name.length > 40 || !PLUGIN_NAME_PATTERN.test(def.name)) return pluginErrors.NAME_INVALID({ plugin, pattern: String(PLUGIN_NAME_PATTERN) })
  if (typeof def.namespace !== 'string' || !NAMESPACE_PATTERN.test(def.namespace) || RESERVED_NAMESPACES.has(def.namespace)) {
    return pluginErrors.NAMESPACE_INVALID({ plugin, namespace: String(def.namespace), pattern: String(NAMESPACE_PATTERN) })
  }
  if (typeof def.version !== 'string' || !valid(def.version)) return pluginErrors.VERSION_INVALID({ plugin, version: String(def.version) })
  if (typeof def.host !== 'string' || !validRange(def.host) || !satisfies(HOST_API_VERSION, def.host)) {
    return pluginErrors.HOST_RANGE({ plugin, wants: String(def.host), running: HOST_API_VERSION })
  }
  for (const [name, range] of Object.entries({ ...def.requires, ...def.optional })) {
    if (!validRange(range)) return invalid(`dependency ${name} has an invalid range "${range}"`)
  }
  const ns = def.namespace
  const prefixes = [ns, ...(def.eventPrefixes ?? [])]
  for (const prefix of def.eventPrefixes ?? []) {
    if (typeof prefix !== 'string' || !NAMESPACE_PATTERN.test(prefix) || RESERVED_NAMESPACES.has(prefix)) return invalid(`event prefix "${prefix}" must match ${NAMESPACE_PATTERN} and not be reserved`)
  }
  for (const type of Object.keys(def.events ?? {})) {
    if (!prefixes.some((prefix) => type.startsWith(`${prefix}.`))) return invalid(`event ${type} must start with ${prefixes.map((p) => `"${p}."`).join(' or ')}`)
  }
  for (const table of def.tables ?? []) if (!table.name.startsWith(`${tablePrefix(ns)}_`)) return invalid(`table ${table.name} must start with "${tablePrefix(ns)}_"`)
  for (const [key, spec] of Object.entries(def.profile ?? {})) {
    if (!FIELD_PATTERN.test(key)) return invalid(`profile field "${key}" must be camelCase`)
    if (spec.kind === 'enum' && !(spec.values && spec.values.length > 0)) return invalid(`enum field ${key} needs values`)
    if (!spec.label?.en || !spec.label['zh-CN']) return invalid(`profile field ${key} needs en and zh-CN labels`)
  }
  const ruleIds = new Set<string>()
  for (const rule of def.scoring ?? []) {
    if (!rule.id || ruleIds.has(rule.id)) return invalid(`scoring rule ids must be unique and non-empty (${rule.id})`)
    ruleIds.add(rule.id)
    if (!Number.isInteger(rule.version) || rule.version < 1) return invalid(`rule ${rule.id} needs a positive integer version`)
    if (typeof rule.apply !== 'function' || (Array.isArray(rule.on) ? rule.on.length === 0 : !rule.on)) return invalid(`rule ${rule.id} needs "on" and "apply"`)
  }
  for (const id of Object.keys(def.extensionPoints ?? {})) if (!id.startsWith(`${ns}.`)) return invalid(`extension point ${id} must start with "${ns}."`)
  for (const [name, command] of Object.entries(def.commands ?? {})) {
    if (!PLUGIN_NAME_PATTERN.test(name) || typeof command?.run !== 'function' || !command.summary) return invalid(`command "${name}" needs a kebab-case name, a summary and run`)
  }
  for (const page of def.pages ?? []) {
    if (typeof page?.path !== 'string' || !PAGES_PATH_PATTERN.test(page.path)) return invalid(`pages path "${page?.path}" must match ${PAGES_PATH_PATTERN}`)
    if (typeof page.dir !== 'string' || !page.dir) return invalid(`pages at ${page.path} need the absolute dir of the build`)
  }
  if (def.setup !== undefined && typeof def.setup !== 'function') return invalid('setup must be a function')
  return undefined
}
