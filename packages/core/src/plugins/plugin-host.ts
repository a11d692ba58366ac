/**
 * @module
 * The plugin host: validates definitions, orders them by dependency, runs each plugin's
 * migrations and setup, keeps failures isolated (a failed plugin is reported while the others
 * serve; a failed required plugin stops the boot), and enables, disables and reconfigures
 * plugins at runtime without a restart. A plugin that keeps failing on events is quarantined
 * (quarantine-plugin.ts). Its {@link PluginRuntime} is what the event bus, profile store,
 * deliveries and jobs read.
 */
import { AsyncResource } from 'node:async_hooks'
import satisfies from 'semver/functions/satisfies.js'
import type { Queryable } from '@rapport/db'
import { RapportError, toRapportError } from '../errors/index.js'
import type { RouteInfo } from '../http/create-app.js'
import type { CoreServices } from '../services.js'
import type { FieldSpec, PluginDefinition } from './contract.js'
import { bootOrder } from './boot-order.js'
import { buildPluginApp, type PluginApp } from './plugin-app.js'
import { createPluginContext, emptyRegistrations } from './plugin-context.js'
import { hostErrors, pluginErrors } from './plugin-errors.js'
import { loadPluginStates, savePluginState, type StoredPluginState } from './plugin-state-store.js'
import { CORE_EVENT_TYPES, type ActivePlugin, type PluginRuntime } from './runtime.js'
import { validateDefinition } from './validate-definition.js'
import { rulesOnUndeclaredEvents } from './rules-on-undeclared-events.js'
import { ruleOnUndeclaredPlugin } from './undeclared-dependency.js'
import { runPluginMigrations } from './plugin-migrations.js'
import { HandlerTimeoutError, withTimeout } from '../async/with-timeout.js'
import { parseConfig } from './parse-config.js'
import { catchUpPlugin } from './catch-up.js'
import { lastEventSeq, lockEventLog, readWatermark, writeWatermark } from './plugin-watermark.js'
import { DEFAULT_FAILURE_POLICY, type PluginFailurePolicy } from './plugin-failure-policy.js'
import { countRecentFailures, loadQuarantined, setQuarantined } from './plugin-failure-store.js'
import { quarantineError, quarantineIfFailing } from './quarantine-plugin.js'

/** A plugin's state as the API reports it. */
export type PluginState = 'active' | 'disabled' | 'failed'

/** One entry of the boot report. */
export type PluginStatus = { state: PluginState; error?: { code: string; message: string; details?: unknown } }

/** The result of {@link PluginHost.start}. */
export type BootReport = { plugins: Record<string, PluginStatus> }

export type PluginHostOptions = {
  /** How long a plugin's setup may take before it is marked failed. */
  setupTimeoutMs?: number
  /** How many failures on events, within how many minutes, quarantine a plugin. */
  failurePolicy?: PluginFailurePolicy
}

export type PluginHost = {
  /** Boots every installed plugin; throws HOST_BOOT_FAILED when a required plugin failed. */
  start(): Promise<BootReport>
  readonly runtime: PluginRuntime
  /** Installed definitions in boot order. */
  definitions(): readonly PluginDefinition[]
  status(name: string): PluginStatus & { enabled: boolean; config: unknown }
  enable(name: string): Promise<void>
  disable(name: string): Promise<void>
  configure(name: string, config: unknown): Promise<void>
  /** The app serving an active plugin's routes. */
  appOf(name: string): PluginApp | undefined
  /** Routes of every active plugin. */
  routes(): RouteInfo[]
  /** Called after every change of the runtime (jobs re-sync, caches). */
  onChange(listener: () => void): void
  /** When a plugin failing on events is quarantined. */
  readonly failurePolicy: PluginFailurePolicy
}

type Entry = { def: PluginDefinition; stored: StoredPluginState; status: PluginStatus; active?: ActivePlugin; app?: PluginApp }
/** A plugin whose migrations and setup ran, not yet serving nor seeing events. */
type Booted = { active: ActivePlugin; app: PluginApp }

/**
 * @example
 * const host = createPluginHost(services, [tiering, pointsMembership])
 * const report = await host.start()
 */
export function createPluginHost(s: CoreServices, installed: readonly PluginDefinition[], { setupTimeoutMs = 10_000, failurePolicy = DEFAULT_FAILURE_POLICY }: PluginHostOptions = {}): PluginHost {
  const entries = new Map<string, Entry>()
  const listeners: Array<() => void> = []
  let ordered: PluginDefinition[] = []
  let activeList: ActivePlugin[] = []
  const eventOwners = new Map<string, string>(CORE_EVENT_TYPES.map((t) => [t, 'core']))
  const allFields = new Map<string, FieldSpec & { plugin: string }>()

  const runtime: PluginRuntime = {
    active: () => activeList,
    ownerOfEvent: (type) => eventOwners.get(type),
    fields: () => allFields,
    extension(id) {
      return activeList.find((plugin) => plugin.extensions?.has(id))?.extensions?.get(id)
    },
    extensionOwner: (id) => installed.find((d) => d.extensionPoints !== undefined && id in d.extensionPoints)?.name,
    pluginFailed: (name) => checkLater(name),
  }

  const refresh = () => {
    activeList = ordered.flatMap((d) => (entries.get(d.name)?.active ? [entries.get(d.name)!.active!] : []))
    for (const listener of listeners) listener()
  }

  const fail = (entry: Entry, err: unknown) => {
    const e = toRapportError(err)
    entry.status = { state: 'failed', error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } }
    entry.active = undefined
    entry.app = undefined
    s.log.error({ plugin: entry.def.name, code: e.code, err: e.cause ?? err }, 'plugin failed to boot')
  }

  /** Boots one plugin whose dependencies have already been handled; marks it failed, or returns it for {@link activate}. */
  async function boot(entry: Entry): Promise<Booted | undefined> {
    const { def } = entry
    const plugin = def.name
    try {
      for (const [dep] of Object.entries(def.requires ?? {})) {
        const state = entries.get(dep)?.status.state ?? 'missing'
        if (state !== 'active') throw pluginErrors.REQUIRES_INACTIVE({ plugin, requires: dep, state })
      }
      const config = parseConfig(def, entry.stored.config)
      await runPluginMigrations(s.db, def)
      const reg = emptyRegistrations()
      const active: ActivePlugin = {
        definition: def, config, subscriptions: reg.subscriptions, jobs: reg.jobs, extensions: reg.extensions,
        fields: new Map(Object.entries(def.profile ?? {}).map(([key, spec]) => [`${def.namespace}.${key}`, spec])),
        context: undefined as never,
      }
      const definitionOf = (name: string) => installed.find((d) => d.name === name)
      const hidden = ruleOnUndeclaredPlugin(def, runtime.ownerOfEvent, definitionOf)
      if (hidden) throw hidden
      active.context = createPluginContext(s, def, () => active.config, reg, definitionOf)
      await withTimeout(() => def.setup?.(active.context), setupTimeoutMs).catch((err: unknown) => {
        throw err instanceof HandlerTimeoutError ? pluginErrors.SETUP_TIMEOUT({ plugin, ms: setupTimeoutMs }) : err
      })
      return { active, app: buildPluginApp(plugin, reg.routes, s.log.child({ plugin })) }
    } catch (err) {
      const e = err instanceof RapportError ? err : pluginErrors.SETUP_FAILED({ plugin, reason: err instanceof Error ? err.message : String(err) }, err)
      fail(entry, e)
      return undefined
    }
  }

  /** Puts a booted plugin in the runtime: its routes serve and its subscribers see new events. */
  const activate = (entry: Entry, booted: Booted) => {
    entry.active = booted.active
    entry.app = booted.app
    entry.status = { state: 'active' }
    refresh()
  }

  /**
   * Activates a booted plugin. One behind the log (a stored watermark) first catches up on the
   * events it has not seen; `store` runs in the transaction that switches it on.
   */
  async function startSeeing(entry: Entry, booted: Booted, store: (tx: Queryable) => Promise<void>): Promise<void> {
    const before = { status: entry.status, active: entry.active, app: entry.app }
    try {
      // A current plugin (no watermark) only switches on.
      await catchUpPlugin(s, booted.active, { activate: async (tx) => { await store(tx); activate(entry, booted) } })
    } catch (err) {
      // The switch rolled back with its transaction; the runtime must follow it.
      Object.assign(entry, before)
      refresh()
      throw err
    }
  }

  /** Enable and disable take turns: two catch-ups of one plugin would deliver its events twice. */
  let turn: Promise<unknown> = Promise.resolve()
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = turn.then(fn, fn)
    turn = next.catch(() => undefined)
    return next
  }

  /**
   * After a failure was recorded, once its transaction has ended: quarantines the plugin if it
   * failed often enough. Runs outside the failing request's transaction (its own async scope), in
   * turn with enable and disable; one check per plugin waits at a time.
   */
  const quarantineScope = new AsyncResource('rapport.pluginQuarantine')
  const checksDue = new Set<string>()
  function checkLater(name: string): void {
    if (checksDue.has(name)) return
    checksDue.add(name)
    quarantineScope.runInAsyncScope(() => setImmediate(() => {
      checksDue.delete(name)
      inTurn(() => quarantineCheck(name)).catch((err: unknown) => s.log.error({ plugin: name, err }, 'plugin quarantine check failed'))
    }))
  }

  async function quarantineCheck(name: string): Promise<void> {
    const entry = entries.get(name)
    if (!entry?.active) return
    // The boot would stop without it: it keeps serving, each failure still isolated and listed.
    if (entry.def.required === true || enabledDependents(name).length > 0) return
    const before = { status: entry.status, active: entry.active, app: entry.app }
    try {
      await s.db.tx(async (tx) => {
        // As for disable: appends wait, so each event is before the switch or after it.
        await lockEventLog(tx)
        const error = await quarantineIfFailing(s, tx, name, failurePolicy)
        if (!error) return
        entry.active = undefined
        entry.app = undefined
        entry.status = { state: 'failed', error }
        refresh()
      })
    } catch (err) {
      Object.assign(entry, before)
      refresh()
      throw err
    }
    if (entry.status.state === 'failed') s.log.error({ plugin: name, code: entry.status.error?.code, details: entry.status.error?.details }, 'plugin quarantined: it kept failing on events; the others keep serving')
  }

  /** Definition checks across the installed set: duplicates, event owners, requires, cycles. */
  function checkInstalled(): void {
    const namespaces = new Map<string, string>()
    const { order, cycles } = bootOrder(installed.filter((d, i) => installed.findIndex((x) => x.name === d.name) === i))
    ordered = order
    for (const def of installed) {
      if (entries.has(def.name)) {
        // A second definition with the same name: the first installed wins, this one is reported.
        s.log.error({ plugin: def.name, code: pluginErrors.DUPLICATE_NAME.code }, 'duplicate plugin name')
        entries.get(def.name)!.status = { state: 'failed', error: { code: pluginErrors.DUPLICATE_NAME.code, message: pluginErrors.DUPLICATE_NAME({ plugin: def.name }).message } }
        continue
      }
      const entry: Entry = { def, stored: { enabled: true, config: undefined }, status: { state: 'disabled' } }
      entries.set(def.name, entry)
      const error = validateDefinition(def)
      if (error) { fail(entry, error); continue }
      // A namespace and the event prefixes a plugin claims are one name space: each has one owner.
      const claimed = [def.namespace, ...(def.eventPrefixes ?? [])]
      const clash = claimed.find((name) => namespaces.has(name))
      if (clash) { fail(entry, pluginErrors.DUPLICATE_NAMESPACE({ plugin: def.name, namespace: clash, other: namespaces.get(clash)! })); continue }
      for (const name of claimed) namespaces.set(name, def.name)
      const cycle = cycles.get(def.name)
      if (cycle) { fail(entry, pluginErrors.DEPENDENCY_CYCLE({ plugin: def.name, cycle })); continue }
      const missing = checkRequires(def)
      if (missing) { fail(entry, missing); continue }
      for (const type of Object.keys(def.events ?? {})) {
        const owner = eventOwners.get(type)
        if (owner && owner !== def.name) { fail(entry, pluginErrors.EVENT_OWNED({ plugin: def.name, type, owner })); break }
        eventOwners.set(type, def.name)
      }
      for (const [key, spec] of Object.entries(def.profile ?? {})) allFields.set(`${def.namespace}.${key}`, { ...spec, plugin: def.name })
    }
  }

  function checkRequires(def: PluginDefinition): RapportError | undefined {
    for (const [dep, wants] of Object.entries(def.requires ?? {})) {
      const found = installed.find((d) => d.name === dep)
      if (!found) return pluginErrors.REQUIRES_MISSING({ plugin: def.name, requires: dep, wants })
      if (!satisfies(found.version, wants)) return pluginErrors.REQUIRES_RANGE({ plugin: def.name, requires: dep, wants, found: found.version })
    }
    return undefined
  }

  const enabledDependents = (name: string) =>
    [...entries.values()].filter((e) => e.stored.enabled && e.def.requires && name in e.def.requires).map((e) => e.def.name)

  const entryOf = (name: string): Entry => {
    const entry = entries.get(name)
    if (!entry) throw pluginErrors.NOT_FOUND({ plugin: name })
    return entry
  }

  return {
    runtime,
    failurePolicy,
    definitions: () => ordered,
    onChange: (listener) => { listeners.push(listener) },
    appOf: (name) => entries.get(name)?.app,
    routes: () => ordered.flatMap((d) => entries.get(d.name)?.app?.routes ?? []),
    status(name) {
      const entry = entryOf(name)
      return { ...entry.status, enabled: entry.stored.enabled, config: entry.active?.config ?? entry.stored.config }
    },

    async start() {
      s.runtime = runtime
      checkInstalled()
      for (const unheard of rulesOnUndeclaredEvents(installed, (type) => eventOwners.has(type))) {
        s.log.warn(unheard, 'scoring rule listens to an event type that no installed plugin declares: it never fires')
      }
      const stored = await loadPluginStates(s.db)
      const quarantined = await loadQuarantined(s.db)
      for (const def of ordered) {
        const entry = entries.get(def.name)!
        if (stored.has(def.name)) entry.stored = stored.get(def.name)!
        else {
          await savePluginState(s.db, def.name, entry.stored, s.now())
          // Installed on a database that already has events: it has seen none of them.
          if ((await lastEventSeq(s.db)) !== null) await writeWatermark(s.db, def.name, 0)
        }
        if (entry.status.state !== 'failed' && !entry.stored.enabled) { entry.status = { state: 'disabled' }; continue }
        const quarantinedAt = quarantined.get(def.name)
        if (quarantinedAt !== undefined && entry.status.state !== 'failed') {
          // Stays out until an admin enables it again; the failures counted are those that stopped it.
          const { count } = await countRecentFailures(s.db, def.name, failurePolicy, new Date(quarantinedAt))
          entry.status = { state: 'failed', error: quarantineError(def.name, count, failurePolicy, quarantinedAt) }
          continue
        }
        const booted = entry.status.state === 'failed' ? undefined : await boot(entry)
        // The active list must include this plugin before the next boots: it may use its extension points.
        if (booted) await startSeeing(entry, booted, async () => {}).catch((err: unknown) => fail(entry, err))
        // An enabled plugin that does not run misses the events from now on: remember where it stopped.
        if (entry.status.state === 'failed' && entry.stored.enabled && (await readWatermark(s.db, def.name)) === null) {
          await writeWatermark(s.db, def.name, (await lastEventSeq(s.db)) ?? 0)
        }
      }
      const report: BootReport = { plugins: Object.fromEntries([...entries].map(([name, e]) => [name, e.status])) }
      const fatal = [...entries.values()].filter((e) => e.status.state === 'failed' && (e.def.required === true || enabledDependents(e.def.name).length > 0))
      if (fatal.length > 0) {
        throw hostErrors.BOOT_FAILED({ failures: [...entries.values()].filter((e) => e.status.state === 'failed').map((e) => ({ plugin: e.def.name, code: e.status.error!.code, message: e.status.error!.message })) })
      }
      return report
    },

    enable: (name) => inTurn(async () => {
      const entry = entryOf(name)
      if (entry.status.state === 'active') return
      if (!entry.stored.enabled || entry.status.state === 'failed') {
        const definitionError = validateDefinition(entry.def) ?? checkRequires(entry.def)
        if (definitionError) throw pluginErrors.ENABLE_FAILED({ plugin: name, error: { code: definitionError.code, message: definitionError.message } })
      }
      const booted = await boot(entry)
      if (!booted) {
        const error = entry.status.error!
        throw pluginErrors.ENABLE_FAILED({ plugin: name, error: { code: error.code, message: error.message } })
      }
      // Stored as disabled before it ever ran (no watermark): it has seen no event yet.
      if ((await readWatermark(s.db, name)) === null) await writeWatermark(s.db, name, 0)
      const stored = { ...entry.stored, enabled: true }
      try {
        // Enabled again by an admin: a quarantine is lifted and the failures so far stop counting.
        await startSeeing(entry, booted, async (tx) => { await savePluginState(tx, name, stored, s.now()); await setQuarantined(tx, name, null) })
      } catch (err) {
        const e = toRapportError(err)
        s.log.error({ plugin: name, code: e.code, err: e.cause ?? err }, 'plugin catch-up failed')
        throw pluginErrors.ENABLE_FAILED({ plugin: name, error: { code: e.code, message: e.message } }, err)
      }
      entry.stored = stored
    }),

    disable: (name) => inTurn(async () => {
      const entry = entryOf(name)
      const dependents = enabledDependents(name).filter((d) => entries.get(d)?.status.state === 'active')
      if (dependents.length > 0) throw pluginErrors.REQUIRED_BY({ plugin: name, requiredBy: dependents })
      const stored = { ...entry.stored, enabled: false }
      const before = { status: entry.status, active: entry.active, app: entry.app }
      try {
        await s.db.tx(async (tx) => {
          // Appends wait: every event up to the watermark was seen by the plugin, every later one is not.
          await lockEventLog(tx)
          await savePluginState(tx, name, stored, s.now())
          if (entry.active) await writeWatermark(tx, name, (await lastEventSeq(tx)) ?? 0)
          entry.active = undefined
          entry.app = undefined
          entry.status = { state: 'disabled' }
          refresh()
        })
      } catch (err) {
        Object.assign(entry, before)
        refresh()
        throw err
      }
      entry.stored = stored
    }),

    async configure(name, config) {
      const entry = entryOf(name)
      const parsed = parseConfig(entry.def, config)
      entry.stored = { ...entry.stored, config }
      await savePluginState(s.db, name, entry.stored, s.now())
      if (entry.active) entry.active.config = parsed
      refresh()
    },
  }
}
