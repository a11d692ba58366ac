/**
 * @module
 * Profile fields that mirror the cases (changed only through `ctx.updateProfile`).
 */
import { field } from '@rapport/plugin-sdk'

/** Keyed without the namespace: `open` is `complaints.open`. @example profile.open.kind // 'integer' */
export const profile = {
  open: field.integer(['Open complaints', '未结投诉']),
  total: field.integer(['Complaints', '投诉总数']),
  lastAt: field.date(['Last complaint', '最近投诉时间']),
  lastCsat: field.number(['Last CSAT after a complaint', '最近投诉处理满意度']),
}
