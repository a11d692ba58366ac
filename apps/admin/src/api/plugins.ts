/**
 * @module
 * Plugin management calls: list, read, enable, disable, configure, preview and rebuild.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { Plugin, ProfileRebuild, RebuildPreview } from './types'

const pluginPath = (name: string) => `/api/v1/plugins/${encodeURIComponent(name)}`

/** `GET /api/v1/plugins` (any signed-in role). */
export const listPlugins = (signal?: AbortSignal) => apiRequest<{ items: Plugin[] }>('/api/v1/plugins', { signal }).then((r) => r.items)

/** `GET /api/v1/plugins/:name`. */
export const getPlugin = (name: string, signal?: AbortSignal) => apiRequest<Plugin>(pluginPath(name), { signal })

/**
 * `POST /api/v1/plugins/:name/enable` or `/disable` (owners and admins).
 * @throws ApiError `PLUGIN_REQUIRED_BY` or `PLUGIN_ENABLE_FAILED` (409)
 */
export const setPluginEnabled = (name: string, enabled: boolean) =>
  apiRequest<Plugin>(`${pluginPath(name)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST' })

/**
 * `PUT /api/v1/plugins/:name/config` with the whole config object (owners and admins).
 * @throws ApiError `PLUGIN_CONFIG_INVALID` (422) whose `details.issues` name the fields
 */
export const savePluginConfig = (name: string, config: Record<string, unknown>) =>
  apiRequest<Plugin>(`${pluginPath(name)}/config`, { method: 'PUT', body: config })

/** The body of preview and rebuild: a proposed config, or none to use the current one. */
const proposal = (config: Record<string, unknown> | undefined) => (config === undefined ? {} : { body: { config } })

/**
 * `POST /api/v1/plugins/:name/preview` (owners and admins): a dry run of a rebuild with this
 * config (or before enabling the plugin); nothing is stored.
 * @throws ApiError `PLUGIN_CONFIG_INVALID` (422), `PLUGIN_ENABLE_FAILED` (409)
 */
export const previewPluginRebuild = (name: string, config?: Record<string, unknown>) =>
  apiRequest<RebuildPreview>(`${pluginPath(name)}/preview`, { method: 'POST', ...proposal(config) })

/**
 * `POST /api/v1/plugins/:name/rebuild` (owners and admins): stores the config, enables the
 * plugin if needed and rebuilds its profile fields, as a numbered rebuild.
 * @throws ApiError `PLUGIN_CONFIG_INVALID` (422), `PLUGIN_ENABLE_FAILED` (409)
 */
export const rebuildPluginProfiles = (name: string, config?: Record<string, unknown>) =>
  apiRequest<ProfileRebuild>(`${pluginPath(name)}/rebuild`, { method: 'POST', ...proposal(config) })
