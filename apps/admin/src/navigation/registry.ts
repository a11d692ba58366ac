/**
 * @module
 * The navigation registry: every page of the admin shell that has an entry in the side menu.
 *
 * Each entry gives the menu item (`key`, `labelKey`, `icon`), the route it owns (`path`, relative
 * to `/admin/`), the lazily loaded page (`element`) and, optionally, the roles that may see it
 * (`roles`; every signed-in user when omitted). Sub-pages that belong to an entry but have no menu
 * item of their own (a detail page) go in `children`, with paths relative to the entry's path.
 *
 * Plugins will extend this list later: each enabled plugin's admin part contributes entries of
 * the same shape (its pages stay lazy, so a plugin costs nothing until it is opened), and the
 * shell builds its menu and routes from the combined list. Keep entries plain data so that
 * contributing one never needs to touch the shell.
 */
import AppstoreOutlined from '@ant-design/icons/AppstoreOutlined'
import TeamOutlined from '@ant-design/icons/TeamOutlined'
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/** A lazily loaded page component. */
export type LazyPage = LazyExoticComponent<ComponentType>

/** A route that belongs to a navigation entry but has no menu item. */
export type NavigationChild = { path: string; element: LazyPage }

/** One entry of the side menu and the routes it owns. */
export type NavigationItem = {
  /** Unique key: also the menu item's key. */
  key: string
  /** Route path relative to `/admin/`, without a leading slash: `customers`. */
  path: string
  /** i18n key of the menu label. */
  labelKey: string
  /** Icon component shown beside the label. */
  icon: ComponentType
  /** The page, loaded on first visit. */
  element: LazyPage
  /** Roles that may see the entry and open its routes; everyone when omitted. */
  roles?: readonly string[]
  /** Sub-pages without a menu item, paths relative to `path`: `:id`. */
  children?: readonly NavigationChild[]
}

/** The core entries of the admin shell. */
export const navigationRegistry: NavigationItem[] = [
  {
    key: 'customers',
    path: 'customers',
    labelKey: 'nav.customers',
    icon: TeamOutlined,
    element: lazy(() => import('../pages/customers/CustomersPage')),
    children: [{ path: ':id', element: lazy(() => import('../pages/customers/CustomerDetailPage')) }],
  },
  {
    key: 'plugins',
    path: 'plugins',
    labelKey: 'nav.plugins',
    icon: AppstoreOutlined,
    element: lazy(() => import('../pages/plugins/PluginsPage')),
    children: [{ path: ':name', element: lazy(() => import('../pages/plugins/PluginDetailPage')) }],
  },
]

/** Whether a user with `role` may see `item`. */
export const canSee = (item: Pick<NavigationItem, 'roles'>, role: string | undefined): boolean =>
  !item.roles || (role !== undefined && item.roles.includes(role))
