/**
 * @module
 * The plugin contract: what a plugin declares (a {@link PluginDefinition}) and what the host
 * hands it at setup (a {@link PluginContext}). Plugin authors import these through
 * `@rapport/plugin-sdk`; the host in this folder is the only thing that interprets them.
 *
 * Event payloads, profile fields and extension points are typed for authors through declaration
 * merging on {@link EventMap}, {@link ProfileFieldMap} and {@link ExtensionPointMap}.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi'
import type { Database, Migration, Queryable, SqlValue, Table } from '@rapport/db'
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { Access } from '../http/access.js'
import type { AppEnv, Role } from '../http/app-env.js'
import type { ChannelAdapter, DeliverInput, DeliverResult } from '../messaging/message-types.js'
import type { CoreEventPayloads } from './core-event-payloads.js'

/** One line of an order, as `order.completed` carries it. */
export type OrderItem = { sku: string; name?: string; category?: string; quantity: number; unitPriceMinor: number }

/**
 * Payload types by event type, starting with core's standard events (as stored in the log: the
 * customer is the event's `customerId`, the time its `occurredAt`). Plugins add theirs:
 * `declare module '@rapport/plugin-sdk' { interface EventMap { 'points.earned': {...} } }`.
 */
export interface EventMap {
  'order.completed': { orderId: string; amountMinor: number; currency: string; items?: OrderItem[]; channel?: 'store' | 'web' | 'app' | 'wechat' | 'phone' | 'other' }
  'order.refunded': { orderId: string; amountMinor: number; currency: string; reason?: string }
  /** Which customer fields changed (their values stay in the customer store, encrypted where personal). */
  'customer.updated': CoreEventPayloads['customer.updated']
  'customer.erased': CoreEventPayloads['customer.erased']
  /** The delivery service's log (ids only: never an address, a text or a link). */
  'message.queued': CoreEventPayloads['message.queued']
  /** `key` is the sending plugin's own key of the message (`invitation:<id>`), so it can mark its record sent. */
  'message.sent': CoreEventPayloads['message.sent']
  'message.failed': CoreEventPayloads['message.failed']
  'message.unsubscribed': CoreEventPayloads['message.unsubscribed']
  /** A bulk send started: its after-commit delivery walks the segment, a batch per minute. */
  'message.bulk.started': CoreEventPayloads['message.bulk.started']
}

/** Profile value types by namespaced field (`points.balance`). Plugins add theirs by declaration merging. */
// biome-ignore lint/suspicious/noEmptyInterface: an empty interface is what declaration merging extends
export interface ProfileFieldMap {}

/** Extension point implementations by id (`tiering.benefits`). Plugins add theirs by declaration merging. */
// biome-ignore lint/suspicious/noEmptyInterface: an empty interface is what declaration merging extends
export interface ExtensionPointMap {}

/**
 * A known event type: core's standard events and those declared into {@link EventMap} by the
 * plugin's own contract and the contracts it imports. A misspelt type is a compile error.
 */
export type EventType = keyof EventMap
/** The payload of an event type (unknown object when undeclared). */
export type PayloadOf<T extends string> = T extends keyof EventMap ? EventMap[T] : Record<string, unknown>

/** Labels shown in the admin, in both first-class languages. */
export type Labels = { en: string; 'zh-CN': string }

/** Kinds of profile values. number/integer/boolean are stored as numbers; string/date/enum as text. */
export type FieldKind = 'number' | 'integer' | 'string' | 'boolean' | 'date' | 'enum'

/** A profile field declaration. Made with the `field` kit of the SDK. */
export type FieldSpec = {
  kind: FieldKind
  label: Labels
  description?: Labels
  /** Allowed values of an enum field, in display order (e.g. tiers from highest to lowest). */
  values?: readonly string[]
  valueLabels?: Record<string, Labels>
}

/** A profile value as stored and read. */
export type ProfileValue = number | string | boolean | null

/** One change a rule (or a plugin's own code) asks for on one field. */
export type FieldChange =
  | { set: ProfileValue }
  | { add: number }
  | { max: number }
  | { min: number }
  | { unset: true }

/** Changes keyed by full field name (`points.balance`); only fields of the rule's own plugin. */
export type ProfileChanges = { [field: string]: FieldChange | undefined }

/**
 * A read-only view of one customer's profile: every plugin's fields, by full name. Fields
 * declared in {@link ProfileFieldMap} are typed; any other name reads as a plain value.
 */
export type ProfileSnapshot = Readonly<{ [K in keyof ProfileFieldMap]?: ProfileFieldMap[K] }> & Readonly<Record<string, ProfileValue | undefined>>

/** An event as rules and subscribers see it. */
export type RapportEvent<T extends string = string> = {
  id: string
  seq: number
  type: T
  customerId: string | null
  payload: PayloadOf<T>
  occurredAt: string
  recordedAt: string
}

/**
 * A scoring rule: pure and synchronous, no I/O. Bump `version` whenever the same input would
 * give a different output; every change it makes is recorded with its id and version.
 */
export type ScoringRule<T extends string = string, C = unknown> = {
  id: string
  version: number
  on: T | readonly T[]
  apply: (event: RapportEvent<T>, profile: ProfileSnapshot, config: C) => ProfileChanges
}

/** A route a plugin adds under `/api/p/<name>`. `path` is relative (`/balance/{customerId}`). */
export type PluginRoute = { config: RouteConfig & { access: Access; bodyLimitBytes?: number; crossOrigin?: boolean }; handler: RouteHandler<any, AppEnv> }

/**
 * Options of an emit. `tx`: the caller's open transaction, which the event joins as it is (without
 * it the event gets a savepoint of its own inside an open transaction: two more statements, and
 * two round trips on PostgreSQL); a failure then rolls back with the caller's work, as it would
 * from the savepoint unless the caller catches it.
 */
export type EmitOptions = { key: string; occurredAt?: string; tx?: Queryable }

/**
 * What a subscriber receives besides the event. `catchUp` is true when the host replays a past
 * event to a `catchUp` subscriber because the plugin was enabled after it (see {@link SubscribeOptions}).
 */
export type SubscriberContext = {
  tx: Queryable
  depth: number
  catchUp?: boolean
  /**
   * In-transaction subscribers of live events: runs `fn` later in the same transaction, once per
   * `key`, when what emitted the event has finished with it (the emitter may write after its
   * emit, as plugins that mirror their records into the profile do). For an event emitted while
   * another was handled: when that outermost event's handling ends; otherwise before the
   * transaction (or savepoint) the emitter opened ends. A later call with the same key replaces
   * the earlier one's `fn`. Use it instead of an `afterCommit` subscriber that only re-reads.
   * @example settle?.(`tiering:${event.customerId}`, (tx) => reevaluate(tx, event.customerId))
   */
  settle?: (key: string, fn: (tx: Queryable) => Promise<void>) => Promise<void>
}

/**
 * A subscriber: `inTransaction` runs before commit inside the event's transaction (may write and emit); `afterCommit` runs from the log, at least once, with retries (webhooks, mail).
 *
 * `catchUp: true` (only with `inTransaction`): this subscriber only derives the plugin's own
 * records from the event and is idempotent per event; when the plugin is enabled after events it
 * has not seen (installed on an existing shop, or disabled for a while), the host runs it over
 * those events, in log order, with `sub.catchUp` true, then the plugin's `recomputeProfile` for
 * the customers they touched and its `afterCatchUp`. Never opt in a subscriber with side effects
 * or that moves money or points (earning points, sending survey invitations): doing them for the
 * past is a business decision, not a catch-up.
 * Another plugin's event needs that plugin in `requires` or `optional` (else PLUGIN_EVENT_UNDECLARED at setup).
 * @example ctx.on('order.completed', recordOrder, { id: 'record-order', phase: 'inTransaction', catchUp: true })
 */
export type SubscribeOptions = {
  id: string; phase: 'inTransaction' | 'afterCommit'; maxAttempts?: number; catchUp?: true
  /**
   * The event type comes from the plugin's config (an admin's choice, such as points' `eventBonuses`),
   * not from its code: it is not checked against `requires`/`optional` (see PLUGIN_EVENT_UNDECLARED).
   */
  fromConfig?: true
}

/** What `afterCatchUp` learns about the catch-up that just ran. */
export type CatchUpSummary = {
  /** Events delivered to at least one `catchUp` subscriber. */
  events: number
  /** Distinct customers of those events (their mirrored fields were recomputed). */
  customers: number
  /** The last event seq the plugin has now seen. */
  throughSeq: number
}

/**
 * A scheduled job's handle on its own run. `asOf` is the time the run is for (its schedule slot,
 * a replayed slot during an import, or the request time of a manual run); `ctx.now()` returns it
 * while the job runs, so compute due dates from it and never from the wall clock.
 */
export type JobRun = { runId: string; asOf: string; progress(done: number, total?: number): Promise<void>; signal: AbortSignal }

/**
 * What a job may return: the earliest time it will have work again given what is stored now
 * (the earliest SLA deadline, the next scheduled invitation), or null when it has none until
 * something changes. A replay over history (core's `runJobsThrough`) skips the job's slots before
 * that time until an event is appended (by the import, or by any job's run); live runs ignore it.
 * Return nothing when unsure, or when another job can give this one work without an event.
 * @example return { nextWorkAt: earliestDeadline ?? null }
 */
export type JobNextWork = { nextWorkAt: string | null }

/** The plugin's view of the host, handed to `setup`. The only thing a plugin may touch. */
export type PluginContext<C = unknown> = {
  readonly name: string
  readonly namespace: string
  /** The current, validated config (replaced when an admin changes it). */
  readonly config: C
  /** The shared database; use your own tables (`<namespace>_…`) only. `tx` joins the caller's transaction. */
  readonly db: Database
  /** A child logger tagged with the plugin. Never log personal data. */
  readonly log: Logger
  now(): Date
  /** The business's IANA time zone (`RAPPORT_TIME_ZONE`): its calendar days are the days of windows and daily reports. */
  readonly timeZone: string
  /** Adds a route under `/api/p/<name>`. Every route declares its access. */
  route(route: PluginRoute): void
  /** Appends an event this plugin owns (a declared type, with its payload type), in the caller's transaction; idempotent on `key`. */
  emit<T extends EventType>(type: T, customerId: string | null, payload: PayloadOf<T & string>, options: EmitOptions): Promise<RapportEvent<T & string>>
  /**
   * Subscribes to a known event type (core's, the plugin's own, or one of a plugin it names in
   * `requires`/`optional`, imported from that plugin's contract), or to a type read from config.
   */
  on<T extends EventType>(type: T, handler: (event: RapportEvent<T & string>, sub: SubscriberContext) => Promise<void> | void, options: SubscribeOptions): void
  on(type: string, handler: (event: RapportEvent, sub: SubscriberContext) => Promise<void> | void, options: SubscribeOptions & { fromConfig: true }): void
  /** Applies changes to this plugin's own profile fields (fields that mirror its records), recorded like rule changes. */
  updateProfile(tx: Queryable, customerId: string, changes: ProfileChanges, reason: { id: string; eventSeq?: number }): Promise<void>
  /** Reads one customer's whole profile. */
  readProfile(customerId: string, tx?: Queryable): Promise<ProfileSnapshot>
  /**
   * Reads the event log: events of `types` whose own time is in `[from, to)`, in log order per
   * type, a page at a time. For previews and reports that replay history, not for the event path.
   * @example for await (const e of ctx.readEvents({ types: ['order.completed'], from, to })) replay(e)
   */
  readEvents(options: ReadEventsOptions): AsyncIterable<RapportEvent>
  /**
   * Schedules a job (croner pattern, UTC); at most one run at a time across processes. Each run is
   * "as of" its slot (`job.asOf`, and `ctx.now()` while it runs); an import replays the slots of
   * the history it brings, in order, between its events.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most jobs are `async (): Promise<void>`, which `undefined` would refuse
  schedule(name: string, cron: string, run: (job: JobRun) => Promise<void | JobNextWork>): void
  /**
   * A signed, expiring link that opens this plugin's customer routes (`policies.customer(<plugin name>)`)
   * for one customer. Give `linkId` (e.g. the id of the record the link is for) and the same
   * `expiresAt` to sign the same link again later: a sender never needs to store or pass the token.
   * Hand the token only to the response that issues it or to the channel that sends it; never put it
   * in an event, a log line or a stored record.
   */
  issueCustomerLink(customerId: string, options: ({ ttlSeconds: number } | { expiresAt: string }) & { linkId?: string; singleUse?: boolean }): { token: string; expiresAt: string; linkId: string }
  /** Checks that a customer a request names exists, before writing a record about them. */
  readonly customers: PluginCustomers
  /** Looks up a staff user a request names (an assignee), before writing a record that refers to them. */
  readonly users: PluginUsers
  /** Offers an extension point this plugin declared. */
  provide<K extends keyof ExtensionPointMap>(id: K, implementation: ExtensionPointMap[K]): void
  /** Uses another plugin's extension point: undefined while that plugin is not enabled. */
  use<K extends keyof ExtensionPointMap>(id: K): ExtensionPointMap[K] | undefined
  /** The business's saved segments, so a trigger or rule can apply to some customers only. */
  readonly segments: PluginSegments
  /**
   * Records an entry in core's audit log, in `tx` when given: who (the request's caller) did what
   * (`<namespace>.<past tense>`, e.g. `satisfaction.responses-exported`) to which record. Details
   * hold ids, counts and field names, never personal values; the host adds the plugin's name.
   */
  audit(entry: PluginAuditEntry, tx?: Queryable): Promise<void>
  /**
   * Sends a message to a customer or a staff user through core's delivery service: written to the
   * outbox in `input.tx` (idempotent on `key`), sent after commit with retries, in the recipient's
   * language, honouring consent, unsubscribes, the contact budget and quiet hours. Never send mail yourself.
   * @example await ctx.deliver({ to: { customerId }, template: 'survey.invitation', link: { path: '/s/{token}', linkId, expiresAt }, key: invitationId, tx })
   */
  deliver(input: DeliverInput): Promise<DeliverResult>
}

/** What `ctx.readEvents` reads: event types and a window of event time (ISO, UTC), in `tx` when given. */
export type ReadEventsOptions = { types: readonly string[]; from: string; to: string; tx?: Queryable }

/**
 * What a plugin's `previewImpact` receives in a rule preview (`POST /api/v1/plugins/{name}/preview`):
 * the preview's transaction (rolled back afterwards), how many days back to replay, and the config
 * the plugin runs with now (undefined while it is not enabled). Its `ctx.config` is the proposed one.
 */
export type ImpactPreviewInput<C = unknown> = { tx: Queryable; days: number; current: C | undefined }

/**
 * One audit entry a plugin records.
 * @example await ctx.audit({ caller: c.get('caller'), action: 'satisfaction.responses-exported', targetType: 'survey', targetId: surveyId, details: { rows }, requestId: c.get('requestId') })
 */
export type PluginAuditEntry = {
  caller: AppEnv['Variables']['caller']
  action: string
  targetType?: string
  targetId?: string
  details?: Record<string, unknown>
  requestId?: string
}

/**
 * The customers as a plugin may check them.
 * @example await ctx.customers.require(body.customerId, tx) // 404 CUSTOMER_NOT_FOUND for an unknown id
 */
export type PluginCustomers = {
  /** Throws CUSTOMER_NOT_FOUND (404) unless a customer (erased or not) has this id. Pass `tx` inside a transaction. */
  require(customerId: string, tx?: Queryable): Promise<void>
  /**
   * The id of the customer an import row names, as order import identifies customers: by external
   * id, or by email (matched on its normalised hash; the earliest customer when several share it).
   * Undefined when none, or when the customer was erased.
   */
  findId(by: { externalId: string } | { email: string }, tx?: Queryable): Promise<string | undefined>
  /**
   * The ids of the customers whose recorded birthday (`YYYY-MM-DD`) falls on `MM-DD`, or in the
   * month `MM`: for a birthday greeting or bonus. Erased customers have none. Only ids come back.
   * @example await ctx.customers.bornOn('06-15') // ['cus_…', …]
   */
  bornOn(monthDayOrMonth: string, tx?: Queryable): Promise<string[]>
  /**
   * The customer's locale (`zh-CN`, `en`), to issue a link or a message in their language;
   * undefined when none is recorded, the customer is unknown or was erased.
   * @example const locale = await ctx.customers.locale(customerId, tx)
   */
  locale(customerId: string, tx?: Queryable): Promise<string | undefined>
  /**
   * The customer's name, for a staff or till screen that must show whose something is (a voucher
   * at the till); undefined when none is recorded, the customer is unknown or was erased. Never
   * put it in events, logs or exports.
   * @example const name = await ctx.customers.name(voucher.customerId)
   */
  name(customerId: string, tx?: Queryable): Promise<string | undefined>
  /**
   * Whether two customers share a phone number or an email address (compared on their normalised
   * hashes, never read out): a referral between them is a self-referral. False when either is
   * unknown or erased.
   * @example if (await ctx.customers.sharesContact(referrerId, refereeId, tx)) throw …
   */
  sharesContact(a: string, b: string, tx?: Queryable): Promise<boolean>
}

/**
 * The staff users as a plugin may look them up: id, role and whether the account is disabled; no
 * name or email.
 * @example const user = await ctx.users.find(assigneeId, tx); if (!user || user.disabled) throw myErrors.ASSIGNEE_NOT_FOUND({ assigneeId })
 */
export type PluginUsers = {
  find(userId: string, tx?: Queryable): Promise<{ id: string; role: Role; disabled: boolean } | undefined>
}

/**
 * Saved segments as a plugin sees them (read only; the admin defines them).
 * @example if (ctx.config.segmentId && !(await ctx.segments.contains(ctx.config.segmentId, customerId, tx))) return
 */
export type PluginSegments = {
  /** Every saved segment's id and name, by name: for a config form's choices. */
  list(): Promise<Array<{ id: string; name: string }>>
  /**
   * Whether the customer is in the segment now. False when the segment was deleted or uses a
   * field no enabled plugin declares any more (logged as a warning). Pass `tx` to see the
   * profile changes of the open transaction.
   */
  contains(segmentId: string, customerId: string, tx?: Queryable): Promise<boolean>
  /**
   * The ids of the segment's customers now, a page at a time (by id), for work planned per member
   * (a visit plan, a bulk job). Nothing when the segment was deleted or is stale (logged as a warning).
   * @example for await (const ids of ctx.segments.members(segmentId)) await plan(ids)
   */
  members(segmentId: string, tx?: Queryable): AsyncIterable<string[]>
}

/** What a plugin command receives besides `ctx`: its arguments and where to print. */
export type CommandIo = {
  /** The words after `rapport <plugin> <command>`. */
  args: readonly string[]
  /** Prints one line to standard output (the CLI) or to the captured output (tests). */
  print(line: string): void
}

/**
 * A command-line command a plugin offers: `rapport <namespace or name> <command>`, run after the
 * host has booted. Returns the process exit code.
 */
export type PluginCommand<C = unknown> = {
  /** One line for `rapport --help`. */
  summary: string
  run(ctx: PluginContext<C>, io: CommandIo): Promise<number> | number
}

/** The date range and customers a dashboard is looking at, as each widget receives them. */
export type DashboardScope = {
  /** Start of the range, inclusive: UTC ISO-8601 (midnight of the first day in the business's time zone). */
  from: string
  /** End of the range, exclusive: UTC ISO-8601. */
  to: string
  /** The business's IANA time zone, for grouping by day, week or month. */
  timeZone: string
  /** Whether a segment filter narrows the customers. */
  filtered: boolean
  /**
   * A SQL condition keeping only the customers of the chosen segment, on a customer-id column of
   * the widget's query; `1 = 1` when nothing is filtered.
   * @example const c = scope.customersIn('customer_id'); db.all(`SELECT ... WHERE at >= ? AND ${c.sql}`, [scope.from, ...c.params])
   */
  customersIn(column: string): { sql: string; params: SqlValue[] }
}

/**
 * A dashboard widget a plugin contributes: its title and a summary computed in SQL for a scope.
 * The admin part of the plugin draws the data (same widget id); the dashboard loads every
 * widget of every enabled plugin in one request.
 */
export type DashboardWidget<C = unknown> = {
  title: { en: string; 'zh-CN': string }
  load(ctx: PluginContext<C>, scope: DashboardScope): Promise<unknown>
}

/** A plugin's declaration. Made with `definePlugin` from the SDK. */
export type PluginDefinition<S extends z.ZodType = z.ZodType> = {
  /** Unique, kebab-case; routes live under `/api/p/<name>`. */
  name: string
  /** Unique short camelCase prefix of its tables, fields, events and extension points. */
  namespace: string
  /** The plugin's own semver version. */
  version: string
  /** The host API range it was written for, e.g. `^1`. */
  host: string
  /** Plugins that must be enabled for this one to boot, by name and version range. */
  requires?: Record<string, string>
  /** Plugins it uses when present. */
  optional?: Record<string, string>
  /** When true, a boot failure of this plugin stops the whole boot. */
  required?: boolean
  /** Its configuration, validated when enabled or changed; defaults fill a fresh config. */
  config?: S
  /** Its own tables; names start with `<namespace>_`. */
  tables?: readonly Table[]
  /** Its migrations, applied in order into its own migrations table. */
  migrations?: readonly Migration[]
  /** Profile fields, keyed without the namespace (`balance` becomes `points.balance`). */
  profile?: Record<string, FieldSpec>
  /** Payload schemas of the events it emits; each type has one owner and starts with `<namespace>.` or one of its `eventPrefixes`. */
  events?: Record<string, z.ZodType>
  /**
   * Further prefixes its event types may use besides its namespace, for names the domain already
   * knows (`survey` for `survey.response.completed`). A prefix belongs to one plugin: no other
   * plugin may use it as its namespace or prefix.
   */
  eventPrefixes?: readonly string[]
  /** Pure scoring rules. */
  scoring?: readonly ScoringRule<any, any>[]
  /** Ids (starting with `<namespace>.`) of the extension points it offers, with a description. */
  extensionPoints?: Record<string, { description: string }>
  /** Registers routes, subscribers, jobs and extension point implementations. No I/O at import time. */
  setup?: (ctx: PluginContext<z.infer<S>>) => void | Promise<void>
  /**
   * Recomputes the profile fields that mirror the plugin's own records, for a profile rebuild.
   * Returns the changes to apply; never re-runs side effects.
   */
  recomputeProfile?: (customerId: string, tx: Queryable, ctx: PluginContext<z.infer<S>>) => Promise<ProfileChanges>
  /**
   * Runs once at the end of a catch-up that found the plugin behind the log (see `catchUp` on {@link SubscribeOptions}), in the
   * same transaction (nested `ctx.db.tx` calls are savepoints), after the plugin became active: for
   * work that needs the whole replayed history at once (tiering's full re-evaluation computes its
   * cut points). Events it emits go through the normal path. Throwing rolls the catch-up's last
   * step back and the enable fails.
   */
  afterCatchUp?: (ctx: PluginContext<z.infer<S>>, summary: CatchUpSummary) => Promise<void>
  /**
   * What a proposed config would change in the plugin's own records, for a rule preview: plugins
   * whose values come from their records (a ledger written by subscribers) rather than from rules,
   * which a replay of rules alone cannot show. Reads only; returns a summary with `eventsReplayed`.
   */
  previewImpact?: (ctx: PluginContext<z.infer<S>>, input: ImpactPreviewInput<z.infer<S>>) => Promise<{ eventsReplayed: number } & Record<string, unknown>>
  /** Dashboard widgets, keyed by widget id (drawn by the component of the same id in its admin part). */
  dashboard?: Record<string, DashboardWidget<z.infer<S>>>
  /** Command-line commands, keyed by command name (kebab-case): `rapport points verify`. */
  commands?: Record<string, PluginCommand<z.infer<S>>>
  /** Message channels it adds to core's delivery service, by channel name (`sms`); each is called with the plugin's config. */
  channels?: Record<string, ChannelAdapter<z.infer<S>>>
  /** The module that contributes its admin pages. */
  admin?: string
  /** Built static pages it serves outside `/api` while enabled (customer pages, widgets). */
  pages?: readonly PluginPages[]
}

/**
 * A folder of built static pages a plugin serves at `path` while it is enabled: files by name
 * (`assets/` hashed and cached for a year), `index.html` for every other path below `path` (a
 * single-page app). The server answers 404 `PLUGIN_NOT_ACTIVE` while the plugin is disabled.
 * @example pages: [{ path: '/s', dir: fileURLToPath(new URL('../dist/pages', import.meta.url)) }]
 */
export type PluginPages = {
  /** One path segment, `/s` or `/member`; not `/api` or `/admin`, and unique across plugins. */
  path: string
  /** Absolute path of the built folder (its `index.html` and files). */
  dir: string
}

/** The running host's API version: plugins declare a range against it. */
export const HOST_API_VERSION = '1.0.0'
