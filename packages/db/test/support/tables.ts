/**
 * @module
 * Table-kit tables shared by the table-kit and migration tests.
 */
import { t, table } from '../../src/index.js'

/** A table using every column type and modifier. */
export const customers = table(
  'core_customers',
  {
    id: t.text().primaryKey(),
    externalId: t.text().notNull().unique(),
    amountMinor: t.bigint().notNull().default(0),
    score: t.real(),
    visits: t.integer().notNull().default(0),
    active: t.boolean().notNull().default(true),
    attributes: t.json().notNull().default('{}'),
    note: t.text().default("it's"),
    avatar: t.blob(),
    createdAt: t.timestamp().notNull(),
  },
  { indexes: [{ name: 'core_customers_created', columns: ['createdAt', 'id'] }] },
)

/** A table with a serial key, a cascading foreign key and a multi-column unique. */
export const orders = table(
  'core_orders',
  {
    seq: t.serial(),
    customerId: t.text().notNull().references('core_customers', 'id', { onDelete: 'cascade' }),
    number: t.text().notNull(),
    order: t.integer(),
  },
  { uniques: [['customerId', 'number']], indexes: [{ columns: ['customerId'] }] },
)
