/**
 * @module
 * The shell's navigation entries now: the registry's (core and the plugins built in) followed by
 * those of the outside plugins' admin parts loaded so far, in the same shape, so the menu groups
 * them and the breadcrumbs name them like the built-in plugins'.
 */
import { useMemo } from 'react'
import { pluginNavigation, type NavigationItem } from '../navigation/registry'
import { useOutsidePluginAdmins } from './outside-plugin-admins'

/** @example const entries = useNavigationEntries(navigationRegistry) */
export function useNavigationEntries(registry: readonly NavigationItem[]): readonly NavigationItem[] {
  const { admins } = useOutsidePluginAdmins()
  return useMemo(() => (admins.length === 0 ? registry : [...registry, ...admins.flatMap(pluginNavigation)]), [registry, admins])
}
