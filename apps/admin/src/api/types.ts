/**
 * @module
 * Shapes of the core API's responses as the admin reads them.
 */

/** A signed-in admin user. */
export type User = { id: string; email: string; name: string; role: string }

/** A customer profile as `GET /api/v1/customers/:id` returns it. */
export type Customer = {
  id: string
  externalId: string
  name: string | null
  email: string | null
  phone: string | null
  /** YYYY-MM-DD */
  birthday: string | null
  locale: string | null
  timeZone: string | null
  attributes: Record<string, unknown>
  createdAt: string
  updatedAt: string
  erasedAt: string | null
}

/** A profile value. */
export type ProfileValue = number | string | boolean | null

/** A customer with every plugin's profile fields, by namespace: `{ points: { balance: 120 } }`. */
export type CustomerDetail = Customer & { profile: Record<string, Record<string, ProfileValue>> }

/** One entry of a customer's event log. */
export type CustomerEvent = {
  id: string
  type: string
  customerId: string
  payload: Record<string, unknown>
  occurredAt: string
  recordedAt: string
}

/** A cursor-paginated list. */
export type Page<T> = { items: T[]; nextCursor: string | null }

/** Sort orders the customers list accepts. */
export type CustomerSort = 'createdAt' | '-createdAt' | 'name' | '-name'

/** A plugin's state: serving, switched off, or failed to boot or enable. */
export type PluginState = 'active' | 'disabled' | 'failed'

/** A coded error as the server reports it (a failed plugin's boot error). */
export type CodedError = { code: string; message: string; details?: unknown }

/** A profile field a plugin declares, labelled in every admin language. */
export type PluginProfileField = {
  field: string
  kind: string
  label: { en: string; 'zh-CN': string }
  values?: string[]
  /** Labels of some enum values (`diamond` → Diamond / 金钻); a value without one shows as stored. */
  valueLabels?: Record<string, { en: string; 'zh-CN': string }>
}

/** An installed plugin as `GET /api/v1/plugins` returns it. */
export type Plugin = {
  name: string
  namespace: string
  version: string
  state: PluginState
  enabled: boolean
  required: boolean
  error: CodedError | null
  /** Plugins this one requires, name → version range. */
  requires: Record<string, string>
  /** Plugins this one uses when present, name → version range. */
  optional: Record<string, string>
  /** The running config while active, else the stored one; null when it was never set (defaults apply). */
  config: unknown
  /** JSON Schema (draft 2020-12) of the config: the settings form is generated from it. */
  configSchema: Record<string, unknown>
  profileFields: PluginProfileField[]
  events: Array<{ type: string; schema: Record<string, unknown> }>
  rules: Array<{ id: string; version: number; on: string[] }>
  extensionPoints: Array<{ id: string; description: string }>
  /** Module of the plugin's own admin pages, if it has any. */
  admin: string | null
  /** Its failures on events: each dropped only this plugin's work on one event; the other plugins applied it. */
  failures: PluginFailures
}

/** A plugin's failures on events, and when they quarantine it. */
export type PluginFailures = {
  /** Recorded since the plugin was installed. */
  total: number
  /** Counting towards a quarantine: within the window, since an admin last enabled it. */
  recent: number
  /** Recent failures that quarantine it. */
  limit: number
  windowMinutes: number
  last: {
    at: string
    event: { id: string; seq: number; type: string }
    kind: 'rule' | 'subscriber'
    /** The rule id or the subscriber id. */
    handler: string
    error: CodedError
    /** What the plugin threw, when it was not a coded error. */
    reason: string | null
  } | null
}

/** What `POST /api/v1/plugins/:name/preview` reports: what a rebuild would change. */
export type RebuildPreview = {
  plugin: string
  /** Customers holding a value of the plugin's fields before or after. */
  customers: number
  changedCustomers: number
  eventsReplayed: number
  fields: Array<{ field: string; changed: number; examples: Array<{ customerId: string; before: ProfileValue; after: ProfileValue }> }>
}

/** A recorded rebuild, as `POST /api/v1/plugins/:name/rebuild` returns it. */
export type ProfileRebuild = {
  id: string
  plugin: string
  /** 1 for a plugin's first rebuild, then one more each time. */
  version: number
  pluginVersion: string
  configHash: string
  rules: Array<{ id: string; version: number }>
  requestedBy: string | null
  startedAt: string
  finishedAt: string
  report: { customers: number; fields: number; changed: number; checksumBefore: string; checksumAfter: string }
}
