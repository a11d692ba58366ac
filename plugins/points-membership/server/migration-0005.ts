/**
 * @module
 * Fifth migration (issue 25, ledger defects):
 * - `points_lots.expired`: what the expiry took from a lot, so a lot the expiry emptied shows
 *   `expired`, not `used`. Filled for lots expired before, from the expiry entries' `consumed`.
 * - Points a voided voucher gave back were written as positive adjustments, which raised lifetime
 *   earned each time; they become `restore` entries and the members' lifetime earned drops by
 *   what they added (their keys are `adjust:<customer>:void:<code>`). The mirrored profile field
 *   follows at the member's next ledger write or a profile rebuild.
 */
import type { Migration } from '@rapport/plugin-sdk'

const VOID_RESTORES = "kind = 'adjust' AND delta > 0 AND idempotency_key LIKE 'adjust:%:void:%'"

const restores = [
  `UPDATE points_members SET lifetime_earned = lifetime_earned - (SELECT SUM(points) FROM points_ledger
     WHERE points_ledger.customer_id = points_members.customer_id AND ${VOID_RESTORES})
   WHERE customer_id IN (SELECT customer_id FROM points_ledger WHERE ${VOID_RESTORES})`,
  `UPDATE points_ledger SET kind = 'restore' WHERE ${VOID_RESTORES}`,
]

const sqlite = [
  'ALTER TABLE points_lots ADD COLUMN expired INTEGER NOT NULL DEFAULT 0',
  `UPDATE points_lots SET expired = s.n FROM (
     SELECT json_extract(c.value, '$.lotId') AS lot_id, SUM(json_extract(c.value, '$.points')) AS n
     FROM points_ledger e, json_each(e.details, '$.consumed') c WHERE e.kind = 'expire' AND json_valid(e.details) GROUP BY 1) s
   WHERE s.lot_id = points_lots.id`,
  ...restores,
]

const pg = [
  'ALTER TABLE points_lots ADD COLUMN expired BIGINT NOT NULL DEFAULT 0',
  `UPDATE points_lots SET expired = s.n FROM (
     SELECT c ->> 'lotId' AS lot_id, SUM((c ->> 'points')::bigint) AS n
     FROM points_ledger e, jsonb_array_elements(e.details::jsonb -> 'consumed') c WHERE e.kind = 'expire' GROUP BY 1) s
   WHERE s.lot_id = points_lots.id`,
  ...restores,
]

/** @example migrations[4] */
export const migration0005: Migration = { id: '0005_lot_expiry_and_restores', sqlite, pg }
