/**
 * @module
 * Tiering's migrations, applied in order into its own migrations table. 0001 creates the
 * tables as declared in `tables.ts`; later changes are new entries, never edits.
 */
import { createTables } from '@rapport/plugin-sdk'
import { tables } from './tables.js'

export const migrations = [createTables('0001_init', tables)]
