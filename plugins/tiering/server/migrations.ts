/**
 * @module
 * Tiering's migrations, applied in order into its own migrations table. 0001 creates the
 * tables as declared in `tables.ts`; later changes are new entries, never edits.
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { tables } from './tables.js'
import { addedCustomerColumns, ladderHistory, state } from './tables-0002.js'

const ladderTables = createTables('0002_ladder_history_grace_points', [ladderHistory, state])
/**
 * 0003: the full re-evaluation groups every order in the window by customer; with the amounts in
 * the index that pass reads the index alone instead of looking up each order's row. It replaces
 * the (customer, time) index, whose lookups it serves as well, so an order still writes one index.
 */
const ORDERS_WINDOW_INDEX = [
  'CREATE INDEX tiering_orders_window ON tiering_orders (customer_id, occurred_at, amount_minor, refunded_minor)',
  'DROP INDEX tiering_orders_customer',
]
/**
 * 0004: the window start each customer's window totals were counted for, so the full
 * re-evaluation counts again only those whose orders left (or entered) the window since.
 */
const WINDOW_SINCE = ['ALTER TABLE tiering_customers ADD COLUMN window_since TEXT']
/**
 * 0005: before tiering re-evaluated in the event's own transaction (its settle work), it did so
 * in after-commit deliveries `tiering:reevaluate-after-<type>`. Those left pending (or claimed by a
 * process that died) by an older version find no subscriber any more: the worker postponed them
 * again and again, forever. Their work is done by the order's own evaluation and the nightly run,
 * so they are deleted; done and dead ones stay as the record they are.
 */
export const DROP_STALE_REEVALUATE_DELIVERIES = [
  "DELETE FROM core_deliveries WHERE subscriber LIKE 'tiering:reevaluate-after-%' AND state IN ('pending', 'running')",
]
const addColumns = (dialect: 0 | 1) => addedCustomerColumns.map((c) => `ALTER TABLE tiering_customers ADD COLUMN ${c[0]} ${c[1 + dialect]}`)

export const migrations: Migration[] = [
  createTables('0001_init', tables),
  {
    id: ladderTables.id,
    sqlite: [...addColumns(0), ...(ladderTables.sqlite as string[]), 'CREATE INDEX tiering_history_at ON tiering_history (at)'],
    pg: [...addColumns(1), ...(ladderTables.pg as string[]), 'CREATE INDEX tiering_history_at ON tiering_history (at)'],
  },
  { id: '0003_orders_window_index', sqlite: ORDERS_WINDOW_INDEX, pg: ORDERS_WINDOW_INDEX },
  { id: '0004_window_since', sqlite: WINDOW_SINCE, pg: WINDOW_SINCE },
  { id: '0005_drop_stale_reevaluate_deliveries', sqlite: DROP_STALE_REEVALUATE_DELIVERIES, pg: DROP_STALE_REEVALUATE_DELIVERIES },
]
