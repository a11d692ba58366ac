/**
 * @module
 * The calls the points-membership admin pages make: the plugin's own routes
 * (`/api/p/points-membership/*`), and the core customer list for names and search.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type {
  earnBurnResponse, entrySchema, liabilityResponse, lotSchema, memberSchema, MemberSummary, previewResponse, PreviewRequest, rewardCreate,
  rewardSchema, statementResponse, VoucherRow,
} from '../shared/schemas'

const base = '/api/p/points-membership'
const member = (customerId: string) => `${base}/members/${encodeURIComponent(customerId)}`

export type Member = z.infer<typeof memberSchema>
export type Lot = z.infer<typeof lotSchema>
export type LedgerEntry = z.infer<typeof entrySchema>
export type Statement = z.infer<typeof statementResponse>
export type Reward = z.infer<typeof rewardSchema>
export type RewardInput = z.input<typeof rewardCreate>
export type Preview = z.infer<typeof previewResponse>
export type Liability = z.infer<typeof liabilityResponse>
export type EarnBurn = z.infer<typeof earnBurnResponse>
export type { MemberSummary, PreviewRequest, VoucherRow }
export type Page<T> = { items: T[]; nextCursor: string | null }
export type MemberStatus = Member['status']

/** A customer as the core list returns it (what these pages read of it). */
export type CustomerName = { id: string; name: string | null; externalId: string }

export type MemberListQuery = { q?: string; customerId?: string[]; status?: MemberStatus; cursor?: string; limit?: number }

export const listMembers = (query: MemberListQuery, signal?: AbortSignal) =>
  apiRequest<Page<MemberSummary>>(`${base}/members`, { query: { limit: 20, ...query }, signal })

export const getMember = (customerId: string, signal?: AbortSignal) => apiRequest<Member>(member(customerId), { signal })

export const getStatement = (customerId: string, from: string, signal?: AbortSignal) =>
  apiRequest<Statement>(`${member(customerId)}/statement`, { query: { from }, signal })

export const enrolMember = (body: { customerId: string; birthday?: string }) => apiRequest<Member>(`${base}/members`, { method: 'POST', body })

export const setMemberStatus = (customerId: string, status: MemberStatus) => apiRequest<Member>(member(customerId), { method: 'PATCH', body: { status } })

/** An adjustment keyed by the form's idempotency key, so a double submit credits once. */
export const adjustPoints = (customerId: string, body: { points: number; reason: string; idempotencyKey: string }) =>
  apiRequest<{ entry: LedgerEntry; repeated: boolean }>(`${member(customerId)}/adjustments`, { method: 'POST', body })

/** A signed link to the member's own page, `/m/<token>` on this server. */
export const issueMemberLink = (customerId: string, ttlDays: number) =>
  apiRequest<{ path: string; token: string; expiresAt: string }>(`${member(customerId)}/links`, { method: 'POST', body: { ttlDays } })

export const previewEarning = (body: PreviewRequest) => apiRequest<Preview>(`${base}/preview`, { method: 'POST', body })

export const listRewards = (signal?: AbortSignal) => apiRequest<{ items: Reward[] }>(`${base}/rewards`, { signal }).then((r) => r.items)

export const createReward = (body: RewardInput) => apiRequest<Reward>(`${base}/rewards`, { method: 'POST', body })

export const updateReward = (id: string, body: Partial<Omit<Reward, 'id'>>) =>
  apiRequest<Reward>(`${base}/rewards/${encodeURIComponent(id)}`, { method: 'PATCH', body })

export const listVouchers = (query: { status?: VoucherRow['status']; cursor?: string }, signal?: AbortSignal) =>
  apiRequest<Page<VoucherRow>>(`${base}/vouchers`, { query: { limit: 20, ...query }, signal })

export const voidVoucher = (body: { code: string; reason: string }) => apiRequest<unknown>(`${base}/voucher-voids`, { method: 'POST', body })

export const getLiability = (signal?: AbortSignal) => apiRequest<Liability>(`${base}/reports/liability`, { signal })

export const getEarnBurn = (query: { from: string; bucket: 'day' | 'month' }, signal?: AbortSignal) =>
  apiRequest<EarnBurn>(`${base}/reports/earn-burn`, { query, signal })

/** The plugin as the core plugin API shows it: its running config. */
export const getPointsPlugin = (signal?: AbortSignal) => apiRequest<{ config: Record<string, unknown> | null }>('/api/v1/plugins/points-membership', { signal })

/** `PUT /api/v1/plugins/points-membership/config` with the whole config; 422 `PLUGIN_CONFIG_INVALID` names the fields. */
export const savePointsConfig = (config: Record<string, unknown>) =>
  apiRequest<{ config: Record<string, unknown> }>('/api/v1/plugins/points-membership/config', { method: 'PUT', body: config })

/** Customers whose name contains `q` (or whose external id or email is `q`); `membersOnly` keeps the enrolled. */
export const searchCustomers = (q: string, membersOnly: boolean, signal?: AbortSignal) =>
  apiRequest<Page<CustomerName>>('/api/v1/customers', { query: { q, limit: 50, ...(membersOnly ? { filter: 'points.memberNo:exists' } : {}) }, signal }).then((p) => p.items)
