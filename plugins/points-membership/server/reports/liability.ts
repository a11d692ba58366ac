/**
 * @module
 * The points liability: what the business owes in points right now, and what that is worth, in
 * one aggregate query over the members and one over the lots.
 */
import type { Queryable } from '@rapport/plugin-sdk'

const MEMBERS = `SELECT COUNT(*) AS members, SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END) AS active,
  COALESCE(SUM(CASE WHEN balance > 0 THEN balance ELSE 0 END), 0) AS outstanding, COALESCE(SUM(debt), 0) AS debt FROM points_members`
const LOTS = `SELECT COALESCE(SUM(CASE WHEN available_at > ? THEN remaining ELSE 0 END), 0) AS pending,
  COALESCE(SUM(CASE WHEN expires_at <= ? THEN remaining ELSE 0 END), 0) AS expiring
  FROM points_lots WHERE remaining > 0 AND expires_at > ?`

/** The report. `valueMinor` is `outstanding × pointValueMinor`, rounded down. */
export type Liability = {
  members: number; activeMembers: number; outstandingPoints: number; pendingPoints: number; debtPoints: number
  expiringPoints: number; expiringBefore: string; valueMinor: number; currency: string
}

/** @example await liability(ctx.db, { now, expiringBefore, pointValueMinor: 1, currency: 'CNY' }) */
export async function liability(q: Queryable, o: { now: string; expiringBefore: string; pointValueMinor: number; currency: string }): Promise<Liability> {
  const m = await q.get<{ members: number; active: number | null; outstanding: number; debt: number }>(MEMBERS)
  const l = await q.get<{ pending: number; expiring: number }>(LOTS, [o.now, o.expiringBefore, o.now])
  const outstanding = Number(m?.outstanding ?? 0)
  return {
    members: Number(m?.members ?? 0), activeMembers: Number(m?.active ?? 0), outstandingPoints: outstanding, pendingPoints: Number(l?.pending ?? 0),
    debtPoints: Number(m?.debt ?? 0), expiringPoints: Number(l?.expiring ?? 0), expiringBefore: o.expiringBefore,
    valueMinor: Math.floor(outstanding * o.pointValueMinor), currency: o.currency,
  }
}
