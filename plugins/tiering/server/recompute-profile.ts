/**
 * @module
 * For a profile rebuild: the `tiering.*` fields from the customer's `tiering_customers` row.
 */
import type { ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import { customerRow } from './store/customer-row.js'

/** @example definePlugin({ ..., recomputeProfile }) */
export async function recomputeProfile(customerId: string, tx: Queryable): Promise<ProfileChanges> {
  const row = await customerRow(tx, customerId)
  if (!row) return {}
  const ladder = row.ladder === null ? {} : { 'tiering.ladder': { set: row.ladder } }
  if (row.tier === null || row.recency === null || row.frequency === null || row.monetary === null) return ladder
  return {
    'tiering.recency': { set: row.recency },
    'tiering.frequency': { set: row.frequency },
    'tiering.monetary': { set: row.monetary },
    'tiering.rfmCode': { set: `${row.recency}${row.frequency}${row.monetary}` },
    'tiering.segment': { set: row.segment },
    'tiering.recencyStatus': { set: row.recency_status },
    'tiering.tier': { set: row.tier },
    'tiering.orders': { set: row.orders },
    ...ladder,
  }
}
