/**
 * @module
 * Plugin management calls: list, read, enable, disable, configure.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { Plugin } from './types'

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
