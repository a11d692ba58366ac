/**
 * @module
 * The heart of a profile rebuild, shared by the real rebuild and its dry run: inside an open
 * transaction, removes some plugins' profile values and history, replays every event through
 * their scoring rules only (never subscribers, never side effects), then asks each plugin to
 * recompute the fields that mirror its own records.
 */
import type { Queryable } from '@rapport/db'
import { toStoredEvent } from '../events/event-log.js'
import type { ActivePlugin } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { forgetProfiles } from './profile-memo.js'
import { recomputeCustomer } from './recompute-customer.js'
import { runScoringRules, ruleMatches } from './run-rules.js'

const PAGE = 1000
const DELETE_VALUES = 'DELETE FROM core_profile_values WHERE substr(field, 1, ?) = ?'
const DELETE_CHANGES = 'DELETE FROM core_profile_changes WHERE plugin = ?'
const EVENTS_AFTER = 'SELECT * FROM core_events WHERE seq > ? ORDER BY seq LIMIT ?'
const CUSTOMERS_AFTER = 'SELECT id FROM core_customers WHERE id > ? ORDER BY id LIMIT ?'

/**
 * Recomputes the profile fields of `plugins` from scratch. The caller owns the transaction and
 * the profile lock (`lockAllProfiles`); the plugins' `config` is what their rules receive.
 * @param s - the services
 * @param tx - an open transaction
 * @param plugins - the plugins to rebuild, in boot order
 * @returns how many events ran through at least one of their rules
 * @example await s.db.tx(async (tx) => { await lockAllProfiles(tx); await replayPlugins(s, tx, [plugin]) })
 */
export async function replayPlugins(s: CoreServices, tx: Queryable, plugins: readonly ActivePlugin[]): Promise<{ eventsReplayed: number }> {
  for (const p of plugins) {
    await tx.run(DELETE_VALUES, [p.definition.namespace.length + 1, `${p.definition.namespace}.`])
    forgetProfiles(tx)
    await tx.run(DELETE_CHANGES, [p.definition.name])
  }
  const eventsReplayed = await replayEvents(s, tx, plugins)
  for (const p of plugins) await recomputePlugin(s, tx, p)
  return { eventsReplayed }
}

/** Every event in log order, through the plugins' rules. */
async function replayEvents(s: CoreServices, tx: Queryable, plugins: readonly ActivePlugin[]): Promise<number> {
  const rules = plugins.flatMap((p) => p.definition.scoring ?? [])
  if (rules.length === 0) return 0
  let after = 0
  let replayed = 0
  for (;;) {
    const rows = await tx.all<Parameters<typeof toStoredEvent>[0]>(EVENTS_AFTER, [after, PAGE])
    for (const row of rows) {
      if (row.customer_id === null || !rules.some((r) => ruleMatches(r, row.type))) continue
      await runScoringRules(s, tx, toStoredEvent(row), plugins)
      replayed += 1
    }
    if (rows.length < PAGE) return replayed
    after = Number(rows[rows.length - 1]!.seq)
  }
}

/** Asks a plugin to recompute the fields mirroring its records, for every customer. */
async function recomputePlugin(s: CoreServices, tx: Queryable, p: ActivePlugin): Promise<void> {
  if (!p.definition.recomputeProfile) return
  let after = ''
  for (;;) {
    const rows = await tx.all<{ id: string }>(CUSTOMERS_AFTER, [after, PAGE])
    for (const { id } of rows) await recomputeCustomer(s, tx, p, id)
    if (rows.length < PAGE) return
    after = rows[rows.length - 1]!.id
  }
}
