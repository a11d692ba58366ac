/**
 * @module
 * Every error tiering throws, with its code and status (see the README's Errors table).
 */
import { defineErrors } from '@rapport/plugin-sdk'

export const tieringErrors = defineErrors('TIERING', {
  CUSTOMER_NOT_FOUND: { status: 404, message: (d: { customerId: string }) => `Customer ${d.customerId} has no tiering record (no order or profile event seen yet)` },
  RANGE_INVALID: { status: 422, message: (d: { from: string; to: string }) => `The period must start before it ends (from ${d.from}, to ${d.to})` },
  TOO_MANY_POINTS: { status: 422, message: (d: { points: number; max: number }) => `The period has ${d.points} points at this interval; at most ${d.max}` },
  CONFIG_INVALID: { status: 422, message: (d: { issues: Array<{ path: string; message: string }> }) => `The config to preview is invalid: ${d.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` },
})
