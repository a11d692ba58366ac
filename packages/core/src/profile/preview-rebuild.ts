/**
 * @module
 * A rebuild's dry run: the same replay as {@link rebuildProfiles}, for one plugin as it would be
 * (a proposed config, or a plugin not enabled yet), inside a transaction that is always rolled
 * back. It reports which of the plugin's fields would change for how many customers, with
 * examples, and, for a plugin with a `previewImpact`, what the proposed config would change in
 * its own records over the last `days` days. Nothing persists: the values, the history and any
 * migration it ran are rolled back.
 *
 * Why the impact: a plugin whose values mirror its own records (points-membership's ledger,
 * written by subscribers) has no scoring rules, so a replay of rules alone ran no event
 * (`eventsReplayed: 0`) and recomputed the same values from the unchanged ledger: a rule change
 * showed nothing. Subscribers are never re-run by a replay (side effects), so the plugin itself
 * says what its records would become.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import type { ProfileValue } from '../plugins/contract.js'
import { runPluginMigrations } from '../plugins/plugin-migrations.js'
import type { ActivePlugin } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { lockAllProfiles } from './lock-profile.js'
import { fromColumns } from './profile-value.js'
import { replayPlugins } from './replay-plugins.js'

/** What {@link previewRebuild} takes. */
export type PreviewRebuildOptions = {
  /** The plugin as it would run: its definition, the proposed config, a context reading that config. */
  plugin: ActivePlugin
  /** Run its pending migrations first (a plugin never enabled has no tables yet). Rolled back too. */
  migrate?: boolean
  /** Examples per field. */
  examples?: number
  /** Days of history the plugin's `previewImpact` replays. */
  days?: number
  /** The config the plugin runs with now; undefined while it is not enabled. */
  current?: unknown
}

/** One customer's value of a field before and after (null: unset). */
export type PreviewExample = { customerId: string; before: ProfileValue; after: ProfileValue }

/** What a rebuild would change. */
export type PreviewReport = {
  plugin: string
  /** Customers holding a value of the plugin's fields before or after. */
  customers: number
  /** Customers with at least one field that would change. */
  changedCustomers: number
  /** Events that ran through at least one of the plugin's rules, or through its `previewImpact`. */
  eventsReplayed: number
  /** What the plugin's `previewImpact` reports (null for a plugin without one). */
  impact: Record<string, unknown> | null
  /** Every declared field of the plugin, with how many customers' values would change. */
  fields: Array<{ field: string; changed: number; examples: PreviewExample[] }>
}

/** Thrown to end the transaction: it carries the report out while the database rolls back. */
class PreviewRollback extends Error {
  constructor(readonly report: PreviewReport) {
    super('preview rolled back')
  }
}

const BEFORE = 'rapport_preview_before'
const COPY_SHAPE = `CREATE TEMP TABLE ${BEFORE} AS SELECT customer_id, field, num_value, text_value FROM core_profile_values WHERE 1 = 0`
const COPY_ROWS = `INSERT INTO ${BEFORE} SELECT customer_id, field, num_value, text_value FROM core_profile_values WHERE substr(field, 1, ?) = ?`
const DIFF = `WITH after_values AS (SELECT customer_id, field, num_value, text_value FROM core_profile_values WHERE substr(field, 1, ?) = ?),
diff AS (
  SELECT COALESCE(b.customer_id, a.customer_id) AS customer_id, COALESCE(b.field, a.field) AS field,
    b.num_value AS before_num, b.text_value AS before_text, a.num_value AS after_num, a.text_value AS after_text
  FROM ${BEFORE} b FULL JOIN after_values a ON a.customer_id = b.customer_id AND a.field = b.field
  WHERE b.num_value IS DISTINCT FROM a.num_value OR b.text_value IS DISTINCT FROM a.text_value
)`
const EXAMPLES = `${DIFF}, ranked AS (
  SELECT diff.*, ROW_NUMBER() OVER (PARTITION BY field ORDER BY customer_id) AS rn, COUNT(*) OVER (PARTITION BY field) AS changed FROM diff
) SELECT * FROM ranked WHERE rn <= ? ORDER BY field, rn`
const CHANGED_CUSTOMERS = `${DIFF} SELECT COUNT(DISTINCT customer_id) AS n FROM diff`
const CUSTOMERS = `SELECT COUNT(*) AS n FROM (SELECT customer_id FROM ${BEFORE} UNION SELECT customer_id FROM core_profile_values WHERE substr(field, 1, ?) = ?) c`

type DiffRow = { customer_id: string; field: string; before_num: unknown; before_text: unknown; after_num: unknown; after_text: unknown; changed: number | string }

/**
 * Replays the event log for one plugin and reports what would change, then rolls back.
 * @param s - the services
 * @param options - the plugin as it would run, and whether to migrate it first
 * @throws what the replay throws (a failing rule: PLUGIN_HANDLER_FAILED), after rolling back
 * @example
 * const report = await previewRebuild(s, { plugin: { ...active, config: { goldAt: 300 } } })
 * report.fields.find((f) => f.field === 'fx.level')?.changed // 4
 */
export async function previewRebuild(s: CoreServices, { plugin, migrate = false, examples = 5, days = 30, current }: PreviewRebuildOptions): Promise<PreviewReport> {
  try {
    await s.db.tx(async (tx) => {
      await lockAllProfiles(tx)
      if (migrate) await runPluginMigrations(s.db, plugin.definition)
      const prefix: SqlValue[] = [plugin.definition.namespace.length + 1, `${plugin.definition.namespace}.`]
      await tx.exec(COPY_SHAPE)
      await tx.run(COPY_ROWS, prefix)
      const { eventsReplayed } = await replayPlugins(s, tx, [plugin])
      const impact = (await plugin.definition.previewImpact?.(plugin.context, { tx, days, current })) ?? null
      const report = await compare(tx, plugin, prefix, eventsReplayed + (impact?.eventsReplayed ?? 0), examples)
      throw new PreviewRollback({ ...report, impact })
    })
  } catch (err) {
    if (err instanceof PreviewRollback) return err.report
    throw err
  }
  // The transaction above always throws; this line is never reached.
  throw new Error('preview transaction committed')
}

/** Field by field, the values in the copy taken before against the replayed ones. */
async function compare(tx: Queryable, plugin: ActivePlugin, prefix: SqlValue[], eventsReplayed: number, examples: number): Promise<Omit<PreviewReport, 'impact'>> {
  const rows = await tx.all<DiffRow>(EXAMPLES, [...prefix, examples])
  const byField = new Map<string, PreviewReport['fields'][number]>([...plugin.fields.keys()].map((field) => [field, { field, changed: 0, examples: [] }]))
  for (const row of rows) {
    const kind = plugin.fields.get(row.field)?.kind
    const entry = byField.get(row.field) ?? { field: row.field, changed: 0, examples: [] }
    byField.set(row.field, entry)
    entry.changed = Number(row.changed)
    entry.examples.push({ customerId: row.customer_id, before: present(kind, row.before_num, row.before_text), after: present(kind, row.after_num, row.after_text) })
  }
  const changedCustomers = Number((await tx.get<{ n: number }>(CHANGED_CUSTOMERS, prefix))?.n ?? 0)
  const customers = Number((await tx.get<{ n: number }>(CUSTOMERS, prefix))?.n ?? 0)
  return { plugin: plugin.definition.name, customers, changedCustomers, eventsReplayed, fields: [...byField.values()] }
}

const present = (kind: Parameters<typeof fromColumns>[0], num: unknown, text: unknown): ProfileValue =>
  num === null && text === null ? null : fromColumns(kind, num, text)
