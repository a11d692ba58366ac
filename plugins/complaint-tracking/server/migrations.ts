/**
 * @module
 * Migrations of complaint-tracking, applied in order into its own migrations table.
 */
import type { Migration } from '@rapport/plugin-sdk'
import { migration0001 } from './migration-0001-init.js'
import { migration0002 } from './migration-0002-sla.js'
import { migration0003 } from './migration-0003-case-numbers.js'
import { migration0004 } from './migration-0004-visits.js'
import { migration0005 } from './migration-0005-agent-tools.js'
import { migration0006 } from './migration-0006-custom-fields.js'

/** @example definePlugin({ ..., migrations }) */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006]
