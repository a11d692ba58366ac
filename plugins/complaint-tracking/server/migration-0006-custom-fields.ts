/**
 * @module
 * Sixth migration: custom field values of a case (JSON by field key; the fields are in the config).
 */
import type { Migration } from '@rapport/plugin-sdk'

/** @example migrations[5] */
export const migration0006: Migration = {
  id: '0006_custom_fields',
  sqlite: ['ALTER TABLE complaints_cases ADD COLUMN custom_fields TEXT'],
  pg: ['ALTER TABLE complaints_cases ADD COLUMN custom_fields TEXT'],
}
