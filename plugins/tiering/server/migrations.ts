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
]
