/**
 * @module
 * The group commit plugins get from the SDK: @rapport/db's `createGroupTx`, carrying each caller's
 * actor (and business clock) into the shared transaction, so an event emitted inside a grouped write (a survey answer,
 * a redemption) records the customer or user whose request wrote it, not the group's context.
 */
import { createGroupTx as createDbGroupTx, type Database, type GroupTx, type GroupTxOptions } from '@rapport/db'
import { actorContext } from './event-actor.js'
import { clockContext } from './event-clock.js'

/**
 * @param db - the database (`ctx.db`)
 * @param options - as @rapport/db's; the actor context is always carried
 * @example const groupTx = createGroupTx(ctx.db) // in setup
 */
export function createGroupTx(db: Database, options: GroupTxOptions = {}): GroupTx {
  return createDbGroupTx(db, { ...options, carry: [...(options.carry ?? []), actorContext, clockContext] })
}
