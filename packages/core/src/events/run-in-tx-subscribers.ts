/**
 * @module
 * Runs an event's in-transaction subscribers so that one plugin's failure stays its own. They run
 * inside one savepoint per event (not one per plugin: a savepoint is two statements, and an
 * order reaches four plugins). When a plugin other than the emitter fails, the savepoint rolls
 * back, that plugin is set aside for this event and the others run again from the same state:
 * subscribers only write in the transaction, so running them again is what a retried transaction
 * does. The emitter's own failure, and a failure of the database itself, are rethrown as before.
 * Inside the group commit there is no savepoint at all unless a plugin fails (savepoint-policy.ts).
 */
import type { Queryable } from '@rapport/db'
import type { PluginFailure } from '../plugins/plugin-failure-store.js'
import type { ActivePlugin, Subscription } from '../plugins/runtime.js'
import { pluginFault } from '../profile/plugin-fault.js'
import type { CoreServices } from '../services.js'
import { isDatabaseFault } from './database-fault.js'
import type { StoredEvent } from './event-log.js'
import { isolationNeeded, savepointsSkipped } from './savepoint-policy.js'

/** Options of {@link runInTransactionSubscribers}. */
export type RunSubscribersOptions = {
  /** Who emitted the event (`core` or a plugin): its own subscribers' failures reach it. */
  emitter: string
  /** Plugins that already failed on this event (a rule): their subscribers do not run. */
  skip: ReadonlySet<string>
  /** Calls one subscriber in `tx` (the savepoint). */
  run: (sub: Subscription, tx: Queryable) => Promise<void>
}

const inTransaction = (sub: Subscription, type: string) => sub.type === type && sub.options.phase === 'inTransaction'

/**
 * @param s - the services (its database opens the savepoint inside the open transaction)
 * @param tx - the event's transaction
 * @param event - the stored event
 * @param plugins - the active plugins, in boot order
 * @param options - emitter, plugins to skip, how to call a subscriber
 * @returns the isolated failures, one per failing plugin
 * @example const failures = await runInTransactionSubscribers(s, tx, event, s.runtime.active(), { emitter: 'core', skip: new Set(), run })
 */
export async function runInTransactionSubscribers(s: CoreServices, tx: Queryable, event: StoredEvent, plugins: readonly ActivePlugin[], { emitter, skip, run }: RunSubscribersOptions): Promise<PluginFailure[]> {
  const failures: PluginFailure[] = []
  const excluded = new Set(skip)
  for (;;) {
    const taking = plugins.filter((p) => !excluded.has(p.definition.name) && p.subscriptions.some((sub) => inTransaction(sub, event.type)))
    if (taking.length === 0) return failures
    const runAll = async (q: Queryable) => {
      for (const plugin of taking) {
        for (const sub of plugin.subscriptions) {
          if (!inTransaction(sub, event.type)) continue
          try {
            await run(sub, q)
          } catch (err) {
            const fault = pluginFault(err, { plugin: sub.plugin, kind: 'subscriber', handler: sub.options.id, type: event.type })
            if (sub.plugin === emitter || isDatabaseFault(err)) throw fault
            throw new Isolated({ plugin: sub.plugin, kind: 'subscriber', handler: sub.options.id, error: fault })
          }
        }
      }
    }
    // Only the emitter's own subscribers: their failure is rethrown anyway, so no savepoint.
    if (taking.every((p) => p.definition.name === emitter)) {
      await runAll(tx)
      return failures
    }
    // The caller runs the whole transaction again, with savepoints, if a plugin fails.
    if (savepointsSkipped()) {
      try {
        await runAll(tx)
        return failures
      } catch (err) {
        throw err instanceof Isolated ? isolationNeeded() : err
      }
    }
    try {
      await s.db.tx(runAll)
      return failures
    } catch (err) {
      if (!(err instanceof Isolated)) throw err
      failures.push(err.failure)
      excluded.add(err.failure.plugin)
    }
  }
}

/** Carries an isolated failure out of the savepoint, which it rolls back. */
class Isolated extends Error {
  constructor(readonly failure: PluginFailure) {
    super(failure.error.message)
  }
}
