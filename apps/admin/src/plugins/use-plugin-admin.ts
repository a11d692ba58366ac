/**
 * @module
 * A plugin's admin part wherever it comes from: built into this admin, or loaded at run time
 * from an outside plugin's bundle (only while that plugin is enabled). Undefined: no admin pages.
 */
import type { PluginAdmin } from '@rapport/admin-kit'
import { useCallback } from 'react'
import { installedPluginAdmins } from './installed-plugin-admins'
import { useOutsidePluginAdmins } from './outside-plugin-admins'

const builtIn = new Map(installedPluginAdmins.map((admin) => [admin.plugin, admin]))

/** @example const adminOf = usePluginAdmin(); adminOf('tiering')?.pages.length */
export function usePluginAdmin(): (plugin: string) => PluginAdmin | undefined {
  const { admins } = useOutsidePluginAdmins()
  return useCallback((plugin: string) => builtIn.get(plugin) ?? admins.find((a) => a.plugin === plugin), [admins])
}
