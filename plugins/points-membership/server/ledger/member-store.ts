/**
 * @module
 * Reads, locks, enrols and saves members. Locking the member row serializes every ledger write
 * of one account: SQLite already has one writer; on PostgreSQL it is `SELECT … FOR UPDATE`.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { LedgerDeps } from './ledger-deps.js'

/** A member and the running totals of its account. */
export type Member = {
  customerId: string; memberNo: string; status: 'active' | 'suspended' | 'closed'; joinedAt: string
  balance: number; debt: number; lifetimeEarned: number
  /** `MM-DD`, or null when unknown. */
  birthday: string | null
}

type MemberRow = {
  customer_id: string; member_no: string; status: Member['status']; joined_at: string; balance: number; debt: number; lifetime_earned: number; birthday: string | null
}

const COLUMNS = 'customer_id, member_no, status, joined_at, balance, debt, lifetime_earned, birthday'
const SELECT = `SELECT ${COLUMNS} FROM points_members WHERE customer_id = ?`
const INSERT = `INSERT INTO points_members (customer_id, status, joined_at, balance, debt, lifetime_earned, updated_at)
  VALUES (?, 'active', ?, 0, 0, 0, ?) ON CONFLICT (customer_id) DO NOTHING RETURNING seq`
const SET_NUMBER = 'UPDATE points_members SET member_no = ? WHERE seq = ?'
const SET_JOINED = 'UPDATE points_members SET joined_at = ? WHERE customer_id = ?'
const SAVE = 'UPDATE points_members SET balance = ?, debt = ?, lifetime_earned = ?, updated_at = ? WHERE customer_id = ?'

const toMember = (r: MemberRow): Member => ({
  customerId: r.customer_id, memberNo: r.member_no, status: r.status, joinedAt: r.joined_at,
  balance: Number(r.balance), debt: Number(r.debt), lifetimeEarned: Number(r.lifetime_earned), birthday: r.birthday,
})

/** @example const member = await findMember(ctx.db, customerId) */
export async function findMember(q: Queryable, customerId: string): Promise<Member | undefined> {
  const row = await q.get<MemberRow>(SELECT, [customerId])
  return row && toMember(row)
}

/**
 * Reads the member and holds its row until the transaction ends. On PostgreSQL it first takes the
 * customer's profile lock (through an empty `updateProfile`, the only public way), because the
 * event path holds that lock before our subscribers run: taking both in the same order everywhere
 * keeps a route and an event on one customer from deadlocking.
 * @example const m = await lockMember(tx, ctx, id)
 */
export async function lockMember(tx: Queryable, deps: Pick<LedgerDeps, 'updateProfile'>, customerId: string): Promise<Member | undefined> {
  if (tx.dialect === 'pg') await deps.updateProfile(tx, customerId, {}, { id: 'lock' })
  const row = await tx.get<MemberRow>(tx.dialect === 'pg' ? `${SELECT} FOR UPDATE` : SELECT, [customerId])
  return row && toMember(row)
}

/** `P` and the member's sequence, zero-padded. @example memberNumber(42) // 'P00000042' */
export const memberNumber = (seq: number): string => `P${String(seq).padStart(8, '0')}`

/**
 * Enrols a customer (a repeat returns the existing member) and mirrors the number and join date.
 * `at` is when they joined: the time of the event that enrolled them (an order's `occurredAt`),
 * or the request's. The new member is built from the values in hand, not read back.
 * @example const { member, created } = await enrolMember(tx, ctx, customerId, { at: event.occurredAt, eventSeq: event.seq })
 */
export async function enrolMember(
  tx: Queryable, deps: LedgerDeps, customerId: string, { at, eventSeq }: { at: string; eventSeq?: number | undefined },
): Promise<{ member: Member; created: boolean }> {
  if (tx.dialect === 'pg') await deps.updateProfile(tx, customerId, {}, { id: 'lock' })
  const inserted = await tx.get<{ seq: number }>(INSERT, [customerId, at, at])
  if (!inserted) return { member: (await lockMember(tx, deps, customerId))!, created: false }
  const memberNo = memberNumber(Number(inserted.seq))
  await tx.run(SET_NUMBER, [memberNo, inserted.seq])
  await deps.updateProfile(tx, customerId, {
    'points.memberNo': { set: memberNo }, 'points.memberSince': { set: at }, 'points.balance': { set: 0 }, 'points.lifetimeEarned': { set: 0 },
    'points.expiringSoon': { set: 0 },
  }, { id: 'enrol', ...(eventSeq === undefined ? {} : { eventSeq }) })
  const member: Member = { customerId, memberNo, status: 'active', joinedAt: at, balance: 0, debt: 0, lifetimeEarned: 0, birthday: null }
  return { member, created: true }
}

/**
 * Moves a member's join date back to `at` when an earlier qualifying event arrives after them
 * (history imported after a live order enrolled the customer): member since the first one.
 * @example member = await joinedBy(tx, ctx, member, event.occurredAt, event.seq)
 */
export async function joinedBy(tx: Queryable, deps: Pick<LedgerDeps, 'updateProfile'>, member: Member, at: string, eventSeq?: number): Promise<Member> {
  if (member.joinedAt <= at) return member
  await tx.run(SET_JOINED, [at, member.customerId])
  await deps.updateProfile(tx, member.customerId, { 'points.memberSince': { set: at } }, { id: 'enrol', ...(eventSeq === undefined ? {} : { eventSeq }) })
  return { ...member, joinedAt: at }
}

/** Saves the running totals. @example await saveTotals(tx, member, now) */
export async function saveTotals(tx: Queryable, m: Member, at: string): Promise<void> {
  await tx.run(SAVE, [m.balance, m.debt, m.lifetimeEarned, at, m.customerId])
}

const SET_DETAILS = 'UPDATE points_members SET status = ?, birthday = ?, updated_at = ? WHERE customer_id = ?'

/**
 * Suspends, closes or reactivates a member, or records their birthday (`MM-DD`; null forgets it).
 * @example await updateMember(tx, ctx, id, { status: 'suspended' })
 */
export async function updateMember(
  tx: Queryable, deps: LedgerDeps, customerId: string, changes: { status?: Member['status']; birthday?: string | null }, at = deps.now().toISOString(),
): Promise<Member | undefined> {
  const member = await lockMember(tx, deps, customerId)
  if (!member) return undefined
  const next = { ...member, ...changes }
  await tx.run(SET_DETAILS, [next.status, next.birthday, at, customerId])
  return next
}
