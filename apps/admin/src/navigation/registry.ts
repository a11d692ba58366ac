/**
 * @module
 * The navigation registry: every page of the admin shell that has an entry in the side menu.
 *
 * Each entry gives the menu item (`key`, `labelKey`, `icon`), the route it owns (`path`, relative
 * to `/admin/`), the lazily loaded page (`element`) and, optionally, the roles that may see it
 * (`roles`; every signed-in user when omitted). Sub-pages that belong to an entry but have no menu
 * item of their own (a detail page) go in `children`, with paths relative to the entry's path.
 *
 * Plugins extend this list: each plugin's admin part (`definePluginAdmin` from
 * `@rapport/admin-kit`) contributes entries of the same shape, tagged with the plugin's name, so
 * the menu shows them only while the plugin is enabled. Their pages stay lazy, so a plugin costs
 * nothing until it is opened. Entries are plain data: contributing one never touches the shell.
 */
import AppstoreOutlined from '@ant-design/icons/AppstoreOutlined'
import AuditOutlined from '@ant-design/icons/AuditOutlined'
import ClusterOutlined from '@ant-design/icons/ClusterOutlined'
import DashboardOutlined from '@ant-design/icons/DashboardOutlined'
import KeyOutlined from '@ant-design/icons/KeyOutlined'
import MailOutlined from '@ant-design/icons/MailOutlined'
import NotificationOutlined from '@ant-design/icons/NotificationOutlined'
import FileTextOutlined from '@ant-design/icons/FileTextOutlined'
import ApiOutlined from '@ant-design/icons/ApiOutlined'
import TeamOutlined from '@ant-design/icons/TeamOutlined'
import UserOutlined from '@ant-design/icons/UserOutlined'
import { pluginPagePath, type LazyPage, type PluginAdmin } from '@rapport/admin-kit'
import { lazy, type ComponentType } from 'react'
import { installedPluginAdmins } from '../plugins/installed-plugin-admins'

export type { LazyPage }

/** A route that belongs to a navigation entry but has no menu item. */
export type NavigationChild = { path: string; element: LazyPage }

/** One entry of the side menu and the routes it owns. */
export type NavigationItem = {
  /** Unique key: also the menu item's key. */
  key: string
  /** Route path relative to `/admin/`, without a leading slash: `customers`. */
  path: string
  /** i18n key of the menu label (`plugin:key` for a plugin's own namespace). */
  labelKey: string
  /** The plugin that contributes the entry: shown only while it is enabled, in the plugin's menu group. */
  plugin?: string
  /** The menu group of a core entry (plugin entries are grouped by plugin). */
  group?: CoreGroup
  /** Icon component shown beside the label. */
  icon: ComponentType
  /** The page, loaded on first visit. */
  element: LazyPage
  /** Roles that may see the entry and open its routes; everyone when omitted. */
  roles?: readonly string[]
  /** Sub-pages without a menu item, paths relative to `path`: `:id`. */
  children?: readonly NavigationChild[]
}

/** Menu groups of the core entries: daily work first, the plugins' groups between, administration last. */
export const coreGroups = ['workspace', 'administration'] as const
export type CoreGroup = (typeof coreGroups)[number]

/** Roles the server lets manage users, API keys and read the audit log (its `admins` policy). */
const adminRoles = ['owner', 'admin'] as const

/** The core entries of the admin shell. */
export const coreNavigation: NavigationItem[] = [
  {
    key: 'dashboard',
    group: 'workspace',
    path: 'dashboard',
    labelKey: 'nav.dashboard',
    icon: DashboardOutlined,
    element: lazy(() => import('../pages/dashboard/DashboardPage')),
  },
  {
    key: 'customers',
    group: 'workspace',
    path: 'customers',
    labelKey: 'nav.customers',
    icon: TeamOutlined,
    element: lazy(() => import('../pages/customers/CustomersPage')),
    children: [{ path: ':id', element: lazy(() => import('../pages/customers/CustomerDetailPage')) }],
  },
  {
    key: 'segments',
    group: 'workspace',
    path: 'segments',
    labelKey: 'nav.segments',
    icon: ClusterOutlined,
    element: lazy(() => import('../pages/segments/SegmentsPage')),
  },
  {
    key: 'messages',
    group: 'workspace',
    path: 'messages',
    labelKey: 'messages:nav.log',
    icon: MailOutlined,
    element: lazy(() => import('../pages/messages/MessageLogPage')),
    roles: ['owner', 'admin', 'agent'],
  },
  {
    key: 'bulk-sends',
    group: 'workspace',
    path: 'bulk-sends',
    labelKey: 'messages:nav.bulk',
    icon: NotificationOutlined,
    element: lazy(() => import('../pages/messages/BulkSendsPage')),
    roles: adminRoles,
  },
  {
    key: 'message-templates',
    group: 'administration',
    path: 'message-templates',
    labelKey: 'messages:nav.templates',
    icon: FileTextOutlined,
    element: lazy(() => import('../pages/messages/TemplatesPage')),
    roles: ['owner', 'admin', 'agent'],
  },
  {
    key: 'webhooks',
    group: 'administration',
    path: 'webhooks',
    labelKey: 'messages:nav.webhooks',
    icon: ApiOutlined,
    element: lazy(() => import('../pages/messages/WebhooksPage')),
    roles: adminRoles,
  },
  {
    key: 'plugins',
    group: 'administration',
    path: 'plugins',
    labelKey: 'nav.plugins',
    icon: AppstoreOutlined,
    element: lazy(() => import('../pages/plugins/PluginsPage')),
    children: [{ path: ':name', element: lazy(() => import('../pages/plugins/PluginDetailPage')) }],
  },
  {
    key: 'users',
    group: 'administration',
    path: 'users',
    labelKey: 'nav.users',
    icon: UserOutlined,
    element: lazy(() => import('../pages/users/UsersPage')),
    roles: adminRoles,
  },
  {
    key: 'api-keys',
    group: 'administration',
    path: 'api-keys',
    labelKey: 'nav.apiKeys',
    icon: KeyOutlined,
    element: lazy(() => import('../pages/api-keys/ApiKeysPage')),
    roles: adminRoles,
  },
  {
    key: 'audit',
    group: 'administration',
    path: 'audit',
    labelKey: 'nav.audit',
    icon: AuditOutlined,
    element: lazy(() => import('../pages/audit/AuditPage')),
    roles: adminRoles,
  },
]

/** The entries a plugin's admin part contributes, under `/admin/<plugin>/`. */
export const pluginNavigation = ({ plugin, pages }: PluginAdmin): NavigationItem[] =>
  pages.map((page) => ({
    key: `${plugin}.${page.key}`,
    path: pluginPagePath(plugin, page.path),
    labelKey: `${plugin}:${page.labelKey}`,
    icon: page.icon,
    element: page.element,
    plugin,
    ...(page.roles ? { roles: page.roles } : {}),
    ...(page.children ? { children: page.children } : {}),
  }))

/** Every entry: the core's, then each installed plugin's. */
export const navigationRegistry: NavigationItem[] = [...coreNavigation, ...installedPluginAdmins.flatMap(pluginNavigation)]

/** Whether a user with `role` may see `item`. */
export const canSee = (item: Pick<NavigationItem, 'roles'>, role: string | undefined): boolean =>
  !item.roles || (role !== undefined && item.roles.includes(role))
