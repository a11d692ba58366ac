/**
 * @module
 * The catch-up on enable: a plugin enabled after events it has not seen (installed on an existing
 * shop, or disabled for a while) gets those events, in log order, through its `catchUp`
 * subscribers, which derive its own records; then its `recomputeProfile` runs for the customers
 * they touched, so the fields mirroring those records follow. Never its rules (a rebuild replays
 * those) and never its other subscribers (side effects are not repeated for the past).
 *
 * Pages of events each commit with the plugin's watermark advanced, so a crash resumes where it
 * stopped. The last page runs with appends to the log held off: it delivers what remains, makes
 * the plugin active and marks it current in one transaction, so every event is delivered exactly
 * once, by the catch-up or by the normal path.
 */
import type { Queryable } from '@rapport/db'
import { actingAs, SYSTEM_ACTOR } from '../events/event-actor.js'
import { atBusinessTime } from '../events/event-clock.js'
import { toStoredEvent } from '../events/event-log.js'
import { lockProfile } from '../profile/lock-profile.js'
import { pluginFault } from '../profile/plugin-fault.js'
import { recomputeCustomer } from '../profile/recompute-customer.js'
import type { CoreServices } from '../services.js'
import type { CatchUpSummary, RapportEvent } from './contract.js'
import { lockEventLog, readWatermark, writeWatermark } from './plugin-watermark.js'
import type { ActivePlugin, Subscription } from './runtime.js'

/** Options of {@link catchUpPlugin}. */
export type CatchUpOptions = {
  /** Makes the plugin active (stores its state, switches the runtime), inside the last transaction. */
  activate(tx: Queryable): Promise<void>
  /** Events read per transaction. */
  pageSize?: number
}

const EVENTS_AFTER = 'SELECT * FROM core_events WHERE seq > ? ORDER BY seq LIMIT ?'
type EventRow = Parameters<typeof toStoredEvent>[0]

/**
 * Delivers the events after the plugin's watermark to its `catchUp` subscribers, then activates
 * it and marks it current. The caller stores a watermark first (0 when the plugin has seen
 * nothing); a null watermark means there is nothing to deliver. A throwing subscriber, recompute
 * or `afterCatchUp` rolls back the page it was in and is rethrown (PLUGIN_HANDLER_FAILED, tagged);
 * the pages before it stay done.
 * @param s - the services
 * @param plugin - the booted plugin, not yet in the runtime
 * @param options - how to activate it
 * @returns what was delivered
 * @example await catchUpPlugin(s, booted, { activate: async (tx) => { await savePluginState(tx, name, state, now); switchOn() } })
 */
export async function catchUpPlugin(s: CoreServices, plugin: ActivePlugin, { activate, pageSize = 500 }: CatchUpOptions): Promise<CatchUpSummary> {
  const name = plugin.definition.name
  const subs = plugin.subscriptions.filter((sub) => sub.options.catchUp === true && sub.options.phase === 'inTransaction')
  const summary = { events: 0, customers: new Set<string>(), throughSeq: 0, behind: false }
  const deliver = async (tx: Queryable, rows: readonly EventRow[]) => {
    const touched = new Set<string>()
    for (const row of rows) {
      const stored = toStoredEvent(row)
      const event = stored as unknown as RapportEvent
      summary.throughSeq = event.seq
      summary.behind = true
      const matching = subs.filter((sub) => sub.type === event.type)
      if (matching.length === 0) continue
      // A past event's subscriber acts for whoever caused that event, not for the admin enabling the plugin.
      // …and at that event's time, as when it was first handled.
      for (const sub of matching) await actingAs(stored.actor ?? SYSTEM_ACTOR, () => atBusinessTime(event.occurredAt, () => runSubscriber(sub, event, tx)))
      summary.events += 1
      if (event.customerId) touched.add(event.customerId)
    }
    for (const customerId of touched) {
      await lockProfile(tx, customerId)
      await recomputeCustomer(s, tx, plugin, customerId, 'catch-up')
      summary.customers.add(customerId)
    }
  }

  // Full pages while events keep flowing; a short page is left to the last transaction.
  while (subs.length > 0) {
    const more = await s.db.tx(async (tx) => {
      const from = await readWatermark(tx, name, { forUpdate: true })
      if (from === null) return false
      const rows = await tx.all<EventRow>(EVENTS_AFTER, [from, pageSize])
      if (rows.length < pageSize) return false
      await deliver(tx, rows)
      await writeWatermark(tx, name, Number(rows[rows.length - 1]!.seq))
      return true
    })
    if (!more) break
  }

  return s.db.tx(async (tx) => {
    await lockEventLog(tx)
    let from = subs.length > 0 ? await readWatermark(tx, name, { forUpdate: true }) : null
    summary.throughSeq = from ?? 0
    // Includes what the subscribers emit meanwhile: those events are after the watermark too.
    while (from !== null) {
      const rows = await tx.all<EventRow>(EVENTS_AFTER, [from, pageSize])
      if (rows.length === 0) break
      await deliver(tx, rows)
      from = Number(rows[rows.length - 1]!.seq)
    }
    await activate(tx)
    const result: CatchUpSummary = { events: summary.events, customers: summary.customers.size, throughSeq: summary.throughSeq }
    // Whenever the plugin was behind, even if no event matched now: a resumed catch-up may have delivered its pages before.
    if (summary.behind && plugin.definition.afterCatchUp) {
      try {
        await plugin.definition.afterCatchUp(plugin.context, result)
      } catch (err) {
        throw pluginFault(err, { plugin: name, kind: 'subscriber', handler: 'afterCatchUp', type: 'catch-up' })
      }
    }
    await writeWatermark(tx, name, null)
    return result
  })
}

async function runSubscriber(sub: Subscription, event: RapportEvent, tx: Queryable): Promise<void> {
  try {
    await sub.handler(event, { tx, depth: 0, catchUp: true })
  } catch (err) {
    throw pluginFault(err, { plugin: sub.plugin, kind: 'subscriber', handler: sub.options.id, type: event.type })
  }
}
