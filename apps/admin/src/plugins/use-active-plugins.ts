import { useQuery } from '@tanstack/react-query'
import { pluginListQuery } from '../pages/plugins/plugin-queries'

/**
 * Names of the plugins that are serving now, from the plugin list the management page also
 * uses (so enabling one there updates the menu at once); undefined while it loads.
 */
export function useActivePlugins(): ReadonlySet<string> | undefined {
  const { data } = useQuery({ ...pluginListQuery, select: (plugins) => new Set(plugins.filter((p) => p.state === 'active').map((p) => p.name)) })
  return data
}
