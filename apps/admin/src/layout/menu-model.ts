/**
 * @module
 * The side menu as data: the visible entries in groups (daily work, one group per plugin, then
 * administration) and which entry a location belongs to. Kept apart from the menu component so
 * the breadcrumbs read the same answer.
 */
import type { NavigationItem } from '../navigation/registry'

/** A menu group: a core group's key or a plugin's name, with its entries in registry order. */
export type MenuGroup = { key: string; plugin?: string; items: NavigationItem[] }

/** Groups entries: workspace, then each plugin in registry order, then administration. */
export function groupEntries(items: readonly NavigationItem[]): MenuGroup[] {
  const groups = new Map<string, MenuGroup>([['workspace', { key: 'workspace', items: [] }]])
  for (const item of items.filter((i) => i.plugin)) {
    const plugin = item.plugin as string
    if (!groups.has(plugin)) groups.set(plugin, { key: plugin, plugin, items: [] })
    groups.get(plugin)?.items.push(item)
  }
  groups.set('administration', { key: 'administration', items: [] })
  for (const item of items.filter((i) => !i.plugin)) groups.get(item.group ?? 'workspace')?.items.push(item)
  return [...groups.values()].filter((g) => g.items.length > 0)
}

/**
 * The entry a location belongs to: the one with the longest path that starts it, so
 * `/tiering/migration` selects "migration", not the plugin's root page `/tiering`.
 * @example entryOf('/customers/cus_1', items)?.key // 'customers'
 */
export function entryOf(pathname: string, items: readonly NavigationItem[]): NavigationItem | undefined {
  let best: NavigationItem | undefined
  for (const item of items) {
    const root = `/${item.path}`
    if ((pathname === root || pathname.startsWith(`${root}/`)) && (!best || item.path.length > best.path.length)) best = item
  }
  return best
}
