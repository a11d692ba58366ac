/**
 * @module
 * The event bus: every event (core's standard ones and plugins') enters the log here. In one
 * transaction it appends the event (idempotent on its key), runs the plugins' scoring rules,
 * then their in-transaction subscribers, then queues the after-commit deliveries. A repeat of a
 * key returns the first event and runs nothing. Cascades (an emit from a subscriber) are bounded.
 * A plugin that fails on an event it did not emit loses its work on that event, the failure is
 * recorded with the event, and the event stands for everyone else.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Queryable } from '@rapport/db'
import { enqueueDeliveries } from '../deliveries/enqueue-deliveries.js'
import { eventBusErrors, scoringErrors } from '../errors/index.js'
import type { RapportEvent } from '../plugins/contract.js'
import { pluginErrors } from '../plugins/plugin-errors.js'
import { recordPluginFailures } from '../plugins/plugin-failure-store.js'
import { pluginFault, tagPlugin } from '../profile/plugin-fault.js'
import { holdProfileWrites } from '../profile/held-writes.js'
import { runScoringRules } from '../profile/run-rules.js'
import { writeProfileRows } from '../profile/write-planned-changes.js'
import type { CoreServices } from '../services.js'
import { actingAs, currentActor, type EventActor } from './event-actor.js'
import { atBusinessTime } from './event-clock.js'
import { appendEvent, type NewEvent, type StoredEvent } from './event-log.js'
import { runInTransactionSubscribers } from './run-in-tx-subscribers.js'
import { queueSettleWork, takeSettleWork } from './settle-queue.js'

/**
 * The deepest cascade allowed: a top-level event has depth 0, an event emitted by a subscriber of
 * an event at depth d has depth d + 1, and one beyond this depth is refused.
 * @example if (sub.depth === MAX_CASCADE_DEPTH) return // emitting now would be refused
 */
export const MAX_CASCADE_DEPTH = 8

/**
 * What {@link publishEvent} takes: the event, who emits it (`core` or a plugin name) and who
 * caused it (`actor`; default the actor of the request, job or subscriber running now).
 */
export type PublishInput = Omit<NewEvent, 'actor'> & { emitter: string; actor?: EventActor }

/** The depth of the event whose subscribers are running; absent outside any subscriber. */
const cascade = new AsyncLocalStorage<number>()


/**
 * Publishes an event. Refuses (500, tagged) a type the emitter does not own (PLUGIN_EVENT_NOT_OWNED)
 * or a payload its owner's schema rejects (PLUGIN_EVENT_PAYLOAD_INVALID), and a cascade deeper
 * than {@link MAX_CASCADE_DEPTH} (HOST_CASCADE_TOO_DEEP). A rule or in-transaction subscriber of
 * another plugin that fails is isolated: that plugin's changes and writes for this event are
 * dropped (its subscribers run in a savepoint), the failure is recorded in `core_plugin_failures`
 * and the event is stored and applied by every other plugin. A failure of the emitter's own rule
 * or subscriber, or of the database, rolls the whole transaction back (PLUGIN_HANDLER_FAILED,
 * tagged, original as `cause`).
 * @param s - the services (the runtime gives owners, rules and subscribers)
 * @param input - the event and its emitter
 * @param tx - the caller's transaction; without it the event gets one of its own
 * @returns the stored event, and whether it was a repeat of an earlier key
 * @example
 * const { event, duplicate } = await publishEvent(s, { type: 'order.completed', customerId, payload, occurredAt, idempotencyKey: 'ord-1', source: 'api', emitter: 'core' }, tx)
 */
export async function publishEvent(s: CoreServices, input: PublishInput, tx?: Queryable): Promise<{ event: StoredEvent; duplicate: boolean }> {
  const { emitter, actor = currentActor(), ...rest } = input
  const event: NewEvent = { ...rest, actor }
  const checked = checkEmission(s, emitter, event)
  const parent = cascade.getStore()
  const depth = parent === undefined ? 0 : parent + 1
  if (depth > MAX_CASCADE_DEPTH) {
    const err = eventBusErrors.CASCADE_TOO_DEEP({ type: event.type, depth, max: MAX_CASCADE_DEPTH })
    throw emitter === 'core' ? err : tagPlugin(err, emitter)
  }
  // The caller's transaction, where work settled on an event it emits without one waits for the rest of the caller's writes.
  const caller = tx || depth > 0 ? undefined : AsyncLocalStorage.snapshot()
  const run = (q: Queryable) => publishIn(s, q, checked, depth, emitter, caller)
  return tx ? run(tx) : s.db.tx(run)
}

/** Checks ownership and, for a plugin's event, its payload against the plugin's schema. */
function checkEmission(s: CoreServices, emitter: string, event: NewEvent): NewEvent {
  const owner = s.runtime.ownerOfEvent(event.type)
  if (owner !== emitter) {
    const err = pluginErrors.EVENT_NOT_OWNED({ plugin: emitter, type: event.type })
    throw emitter === 'core' ? err : tagPlugin(err, emitter)
  }
  if (owner === 'core') return event
  const schema = s.runtime.active().find((p) => p.definition.name === owner)?.definition.events?.[event.type]
  if (!schema) return event
  const parsed = schema.safeParse(event.payload)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
    throw tagPlugin(scoringErrors.EVENT_PAYLOAD_INVALID({ plugin: owner, type: event.type, issues }), owner)
  }
  const payload = parsed.data
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? { ...event, payload: payload as Record<string, unknown> } : event
}

/** Runs a function in the async context of whoever published the event (see `publishEvent`). */
type CallerContext = <R>(fn: () => R) => R

async function publishIn(s: CoreServices, tx: Queryable, input: NewEvent, depth: number, emitter: string, caller?: CallerContext): Promise<{ event: StoredEvent; duplicate: boolean }> {
  const result = await appendEvent(tx, input, s.now())
  if (result.duplicate) return result
  const { event } = result
  // The plugins handle the event at its own time: ctx.now() is its occurredAt, and so is that of the events they emit.
  const handle = () => handleIn(s, tx, event, input.actor, depth, emitter, caller)
  // The profile writes of the whole handling (rules, subscribers, cascades, settled work) are made once, at its end.
  const outermost = () => holdProfileWrites(tx, () => settled(tx, input.actor, handle), (writes) => writeProfileRows(tx, writes))
  return atBusinessTime(event.occurredAt, () => (depth > 0 ? handle() : outermost()).then(() => result))
}

/** Handles an outermost event, then runs what its cascades' subscribers settled on (settle-queue.ts), as its actor (they may settle more). */
async function settled(tx: Queryable, actor: EventActor, handle: () => Promise<void>): Promise<void> {
  await handle()
  for (let work = takeSettleWork(tx); work; work = takeSettleWork(tx)) {
    const next = work
    await actingAs(actor, () => next(tx))
  }
}

/** `SubscriberContext.settle` for a subscriber of an event at `depth`; a failure of its work is the subscriber's. */
function settleAt(s: CoreServices, tx: Queryable, depth: number, where: Parameters<typeof pluginFault>[1], caller?: CallerContext) {
  const key = (k: string) => `${where.plugin}:${k}`
  return async (k: string, fn: (tx: Queryable) => Promise<void>): Promise<void> => {
    const work = (q: Queryable) => fn(q).catch((err: unknown) => { throw pluginFault(err, where) })
    // Emitted inside another event's handling: its emitter is done when the outermost event is.
    if (depth > 0 && queueSettleWork(tx, key(k), work)) return
    // Emitted by code with a transaction open (a route, a job): it is done when that transaction (or savepoint) ends.
    if (caller && (await caller(() => s.db.beforeCommit(key(k), work)))) return
    await s.db.beforeCommit(key(k), work)
  }
}

async function handleIn(s: CoreServices, tx: Queryable, event: StoredEvent, actor: EventActor, depth: number, emitter: string, caller?: CallerContext): Promise<void> {
  const plugins = s.runtime.active()
  const rules = await runScoringRules(s, tx, event, plugins, { isolate: (plugin) => plugin !== emitter })
  const subscribers = await runInTransactionSubscribers(s, tx, event, plugins, {
    emitter,
    // A plugin whose rule failed on this event does nothing more with it.
    skip: new Set(rules.failures.map((f) => f.plugin)),
    // An event a subscriber emits is caused by whoever caused this one.
    run: (sub, q) => actingAs(actor, () => cascade.run(depth, async () => { await sub.handler(event as unknown as RapportEvent, { tx: q, depth, settle: settleAt(s, q, depth, { plugin: sub.plugin, kind: 'subscriber', handler: sub.options.id, type: event.type }, caller) }) })),
  })
  if (rules.failures.length > 0 || subscribers.length > 0) await recordPluginFailures(s, tx, event, [...rules.failures, ...subscribers])
  await enqueueDeliveries(s, tx, event)
}
