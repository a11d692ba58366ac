/**
 * @module
 * The transaction runner of the ledger's write routes (spends, redemptions, adjustments): on
 * SQLite requests that arrive together share one transaction, each in a savepoint of its own
 * (`createGroupTx`: a refused request rolls back only its own writes, nobody hears back before
 * the shared COMMIT); on PostgreSQL each keeps its own pooled transaction, so one long
 * transaction never holds every member's row lock.
 */
import { createGroupTx, type GroupTx, type PluginContext } from '@rapport/plugin-sdk'

/** Runs `fn` in a ledger write transaction (shared with concurrent requests on SQLite). */
export type LedgerTx = GroupTx

/** Most requests in one group: bounds how long the first one waits for the shared COMMIT. */
const MAX_JOBS_PER_GROUP = 128

const writers = new WeakMap<PluginContext['db'], LedgerTx>()

/**
 * The ledger's transaction runner for `ctx.db`, one per database. Call it first where no
 * transaction is open (setup), since the groups run in the async context it was created in.
 * @example const result = await ledgerTx(ctx)((tx) => redeemReward(tx, ctx, input))
 */
export function ledgerTx(ctx: Pick<PluginContext, 'db'>): LedgerTx {
  let writer = writers.get(ctx.db)
  if (!writer) {
    writer = createGroupTx(ctx.db, { maxPerGroup: MAX_JOBS_PER_GROUP })
    writers.set(ctx.db, writer)
  }
  return writer
}
