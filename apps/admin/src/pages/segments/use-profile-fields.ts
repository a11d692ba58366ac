import { useQuery } from '@tanstack/react-query'
import type { PluginProfileField } from '../../api/types'
import { pluginListQuery } from '../plugins/plugin-queries'

/** The enabled plugins' profile fields, by plugin, from the plugin list (cached with the menu's). */
export function useProfileFields(): Array<{ plugin: string; fields: readonly PluginProfileField[] }> {
  const plugins = useQuery(pluginListQuery)
  return (plugins.data ?? []).filter((p) => p.state === 'active' && p.profileFields.length > 0).map((p) => ({ plugin: p.name, fields: p.profileFields }))
}
