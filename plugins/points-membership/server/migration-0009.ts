/**
 * @module
 * Ninth migration (issue 25, campaigns): `points_campaigns`, declared in `campaigns/campaign-table.ts`.
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { campaigns } from './campaigns/campaign-table.js'

/** @example migrations[8] */
export const migration0009: Migration = createTables('0009_campaigns', [campaigns])
