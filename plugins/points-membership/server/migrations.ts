/**
 * @module
 * Migrations of points-membership, applied into its own migrations table.
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { migration0003 } from './migration-0003.js'
import { migration0004 } from './migration-0004.js'
import { migration0005 } from './migration-0005.js'
import { migration0006 } from './migration-0006.js'
import { migration0007 } from './migration-0007.js'
import { migration0008 } from './migration-0008.js'
import { migration0009 } from './migration-0009.js'
import { pointsTables, rewardTables } from './tables.js'

/** @example definePlugin({ ..., migrations }) */
export const migrations: readonly Migration[] = [createTables('0001_init', pointsTables), createTables('0002_rewards', rewardTables), migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009]
