/**
 * @module
 * Fourth migration (issue 19, storage per order): a credit's ledger entry (an earn, a positive
 * adjustment) no longer stores in `details` what its lot and its own columns hold: `lotId`,
 * `debtRepaid`, `availableAt`, `expiresAt` (reads derive them; see `entry-store.ts`). Entries
 * written before lose those keys too, but only where the lot has the derived id and the stored
 * values equal the lot's and the entry's own, so every answer of the API stays the same.
 */
import type { Migration } from '@rapport/plugin-sdk'

const CREDIT = "points_ledger.delta > 0 AND points_ledger.kind IN ('earn', 'adjust')"

const sqlite = [
  `UPDATE points_ledger SET details = json_remove(details, '$.lotId', '$.debtRepaid', '$.availableAt', '$.expiresAt')
   WHERE ${CREDIT} AND json_valid(details) AND json_extract(details, '$.lotId') = 'plot' || substr(id, 4)
     AND json_extract(details, '$.debtRepaid') = -debt_delta
     AND EXISTS (SELECT 1 FROM points_lots l WHERE l.id = 'plot' || substr(points_ledger.id, 4)
       AND l.available_at = json_extract(points_ledger.details, '$.availableAt') AND l.expires_at = json_extract(points_ledger.details, '$.expiresAt'))`,
]

const pg = [
  `UPDATE points_ledger SET details = (details::jsonb - 'lotId' - 'debtRepaid' - 'availableAt' - 'expiresAt')::text
   WHERE ${CREDIT} AND details::jsonb ->> 'lotId' = 'plot' || substr(id, 4)
     AND (details::jsonb ->> 'debtRepaid')::bigint = -debt_delta
     AND EXISTS (SELECT 1 FROM points_lots l WHERE l.id = 'plot' || substr(points_ledger.id, 4)
       AND l.available_at = points_ledger.details::jsonb ->> 'availableAt' AND l.expires_at = points_ledger.details::jsonb ->> 'expiresAt')`,
]

/** @example migrations[3] */
export const migration0004: Migration = { id: '0004_credit_details_derived', sqlite, pg }
