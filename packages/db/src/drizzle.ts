/**
 * @module
 * The typed schema layer (drizzle-orm): portable table declarations and drizzle over a Rapport
 * database or transaction.
 * @example
 * import { portableSchema, ormOf } from '@rapport/db'
 */
export type { ColumnKit } from './drizzle/column-kit.js'
export { portableSchema, type PortableSchema } from './drizzle/portable-schema.js'
export { ormOf, type Orm } from './drizzle/orm.js'
export { prepared } from './drizzle/prepared.js'
