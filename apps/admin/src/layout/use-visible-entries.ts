import { useSession } from '../auth/session-query'
import { canSee, type NavigationItem } from '../navigation/registry'
import { useActivePlugins } from '../plugins/use-active-plugins'

/** The registry's entries this user may see, of core and of the plugins enabled now. */
export function useVisibleEntries(registry: readonly NavigationItem[]): NavigationItem[] {
  const { data: user } = useSession()
  const activePlugins = useActivePlugins()
  return registry.filter((item) => canSee(item, user?.role) && (!item.plugin || activePlugins?.has(item.plugin)))
}
