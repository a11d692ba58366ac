/**
 * @module
 * Sixth migration (issue 25, the till API): what a reward is worth (`points_rewards.value`: an
 * amount off, a percentage off or a product, as JSON), and the uses of voucher codes at a till
 * (`points_voucher_uses`, declared in `tables.ts`), so a use can be repeated safely and undone.
 */
import { createTables, type Migration } from '@rapport/plugin-sdk'
import { voucherUses } from './tables.js'

const created = createTables('0006_till', [voucherUses])
const value = 'ALTER TABLE points_rewards ADD COLUMN value TEXT'

/** @example migrations[5] */
export const migration0006: Migration = { id: created.id, sqlite: [value, ...[created.sqlite].flat()], pg: [value, ...[created.pg].flat()] }
