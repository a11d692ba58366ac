/**
 * @module
 * Seventh migration (issue 25): `points_rewards.exclusive`, a reward only customers whose tier
 * benefits (tiering's `exclusiveRewards`) name may see and redeem. Existing rewards stay open.
 */
import type { Migration } from '@rapport/plugin-sdk'

/** @example migrations[6] */
export const migration0007: Migration = {
  id: '0007_exclusive_rewards',
  sqlite: 'ALTER TABLE points_rewards ADD COLUMN exclusive INTEGER NOT NULL DEFAULT 0',
  pg: 'ALTER TABLE points_rewards ADD COLUMN exclusive SMALLINT NOT NULL DEFAULT 0',
}
