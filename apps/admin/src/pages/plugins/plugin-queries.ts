/**
 * @module
 * The plugin queries and how a changed plugin from the server updates them.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { getPlugin, listPlugins } from '../../api/plugins'
import type { Plugin } from '../../api/types'

/** Query key of the plugin list. */
export const pluginListKey = ['plugins', 'list'] as const

/** Query key of one plugin. */
export const pluginKey = (name: string) => ['plugins', 'detail', name] as const

/** `GET /api/v1/plugins` as a query. */
export const pluginListQuery = queryOptions({ queryKey: pluginListKey, queryFn: ({ signal }) => listPlugins(signal) })

/** `GET /api/v1/plugins/:name` as a query. */
export const pluginQuery = (name: string) => queryOptions({ queryKey: pluginKey(name), queryFn: ({ signal }) => getPlugin(name, signal) })

/**
 * Puts a plugin the server returned into both queries, then refetches the list (enabling or
 * disabling one plugin can change the state of others).
 */
export const storePlugin = (queryClient: QueryClient, plugin: Plugin): Promise<void> => {
  queryClient.setQueryData(pluginKey(plugin.name), plugin)
  queryClient.setQueryData<Plugin[]>(pluginListKey, (list) => list?.map((p) => (p.name === plugin.name ? plugin : p)))
  return queryClient.invalidateQueries({ queryKey: pluginListKey })
}
