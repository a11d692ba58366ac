/**
 * @module
 * The shape of a plugin's admin part: the pages it adds to the admin shell and their texts.
 *
 * A plugin exports one `definePluginAdmin({...})` from `<plugin>/admin/index.ts`. Pages are lazy
 * (`lazy(() => import('./pages/X'))`), so a plugin costs the admin nothing until one of its pages
 * is opened, and the shell shows them only while the plugin is enabled.
 */
import type { ComponentType, LazyExoticComponent } from 'react'

/** A lazily loaded page component. */
export type LazyPage = LazyExoticComponent<ComponentType>

/** Texts of one language: nested objects of strings, i18next style (`{{name}}` placeholders). */
export type Messages = { [key: string]: string | Messages }

/** One page of a plugin with its own menu item. */
export type PluginPage = {
  /** Unique within the plugin. */
  key: string
  /** Path under the plugin's root `/admin/<plugin>/`; '' is the root itself. */
  path: string
  /** Key of the menu label in the plugin's messages: `nav.overview`. */
  labelKey: string
  /** Icon shown beside the label. */
  icon: ComponentType
  /** The page, loaded on first visit. */
  element: LazyPage
  /** Roles that may open it; every signed-in user when omitted. */
  roles?: readonly string[]
  /** Sub-pages without a menu item, paths relative to `path`: `:id`. */
  children?: readonly { path: string; element: LazyPage }[]
}

/** The range and segment the dashboard shows, as the server resolved them. */
export type DashboardScopeView = { from: string; to: string; timeZone: string; filtered: boolean }

/**
 * What a dashboard widget component receives: the data its server part computed, the scope, and
 * the same widget's data over the previous range of equal length (for period-over-period change).
 */
export type WidgetProps<D = unknown> = { data: D; scope: DashboardScopeView; previous?: D | undefined }

/** A lazily loaded dashboard widget component. */
export type LazyWidget = LazyExoticComponent<ComponentType<WidgetProps<any>>>

/** What a customer action receives: the customer shown on the customer page. */
export type CustomerActionProps = { customerId: string }

/**
 * A lazily loaded customer action: it renders its own button, and whatever it opens (a modal),
 * on the customer page, shown only while its plugin is enabled.
 */
export type LazyCustomerAction = LazyExoticComponent<ComponentType<CustomerActionProps>>

/** A plugin's admin part. */
export type PluginAdmin = {
  /** The plugin's name, as in its server definition. */
  plugin: string
  /** What people call the plugin, in every admin language: menu group and customer page titles. */
  title?: { en: string; 'zh-CN': string }
  /** Its texts in every admin language; they become the i18next namespace named after the plugin. */
  messages: { en: Messages; 'zh-CN': Messages }
  /** Its pages, in menu order. */
  pages: readonly PluginPage[]
  /**
   * Components drawing its dashboard widgets, keyed by the widget ids of its server part's
   * `dashboard`; each gets that widget's data.
   */
  widgets?: Readonly<Record<string, LazyWidget>>
  /**
   * Where each widget drills down to, keyed by widget id: the admin path (under `/admin/`) of the
   * list its figures come from, filtered to match, for the scope shown.
   */
  widgetLinks?: Readonly<Record<string, (scope: DashboardScopeView) => string>>
  /**
   * Actions on one customer, offered on the customer page (`/admin/customers/:id`): keyed by an
   * id unique within the plugin, in the order given. Each renders a button that opens its own modal.
   */
  customerActions?: Readonly<Record<string, LazyCustomerAction>>
}

/** Declares a plugin's admin part (an identity function that checks the shape). */
export const definePluginAdmin = (admin: PluginAdmin): PluginAdmin => admin

/** Where a plugin page lives in the admin, relative to `/admin/`: `tiering` or `tiering/segments`. */
export const pluginPagePath = (plugin: string, path: string): string => (path ? `${plugin}/${path}` : plugin)
