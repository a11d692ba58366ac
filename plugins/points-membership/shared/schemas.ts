/**
 * @module
 * The HTTP shapes of points-membership, shared by the server and the admin pages.
 */
import { z } from '@rapport/plugin-sdk'

const customerId = z.string().min(1).max(64)
const idempotencyKey = z.string().min(1).max(100).regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only')

/** A birthday as `MM-DD` or `YYYY-MM-DD`; only the month and day are kept (for the birthday bonus). */
const birthday = z.string().regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD or YYYY-MM-DD').transform((b) => b.slice(-5))
/** `POST /members`. */
export const enrolRequest = z.strictObject({ customerId, birthday: birthday.optional() }).openapi('PointsEnrolRequest')
/** `PATCH /members/{customerId}`: suspend, close or reactivate; record or forget the birthday. */
export const memberUpdate = z.strictObject({ status: z.enum(['active', 'suspended', 'closed']).optional(), birthday: birthday.nullable().optional() })
  .refine((u) => u.status !== undefined || u.birthday !== undefined, 'status or birthday').openapi('PointsMemberUpdate')
/** `{customerId}` path parameter. */
export const memberParams = z.object({ customerId })

/** One lot. */
export const lotSchema = z.object({
  id: z.string(), orderId: z.string().nullable(), points: z.int(), remaining: z.int(),
  /** What the expiry took from the lot (0 until it expired). */
  expired: z.int(),
  availableAt: z.string(), expiresAt: z.string(), state: z.enum(['pending', 'available', 'expired', 'used']),
}).openapi('PointsLot')

/** One ledger entry. */
export const entrySchema = z.object({
  entryId: z.string(), kind: z.enum(['earn', 'spend', 'revoke', 'adjust', 'expire', 'restore']).openapi({ description: 'restore: points a voided voucher gave back' }), points: z.int(), delta: z.int(), debtDelta: z.int(),
  balanceAfter: z.int(), orderId: z.string().nullable(), reason: z.string().nullable(), details: z.record(z.string(), z.unknown()),
  occurredAt: z.string(), createdAt: z.string(),
}).openapi('PointsLedgerEntry')

/** A member with their balance, lots and recent ledger. */
export const memberSchema = z.object({
  customerId: z.string(), memberNo: z.string(), status: z.enum(['active', 'suspended', 'closed']), joinedAt: z.string(), birthday: z.string().nullable(),
  balance: z.int().openapi({ description: 'Σ remainders of lots not past their expiry − debt, as of the request' }), available: z.int(), pending: z.int(), debt: z.int(), lifetimeEarned: z.int(),
  lots: z.array(lotSchema), entries: z.array(entrySchema),
}).openapi('PointsMember')

/** `POST /members/{customerId}/spends`. */
export const spendRequest = z.strictObject({
  points: z.int().positive(), idempotencyKey, reference: z.string().max(200).optional(),
}).openapi('PointsSpendRequest')

/** `POST /members/{customerId}/adjustments`: signed, never 0, with a reason. */
export const adjustmentRequest = z.strictObject({
  points: z.int().refine((n) => n !== 0, 'must not be 0'), reason: z.string().trim().min(3).max(500), idempotencyKey: idempotencyKey.optional(),
}).openapi('PointsAdjustmentRequest')

/** A ledger write's result: a repeat of a key returns the first entry with `repeated: true`. */
export const ledgerResultSchema = z.object({ entry: entrySchema, repeated: z.boolean() }).openapi('PointsLedgerResult')

const orderItem = z.object({
  sku: z.string().min(1), category: z.string().optional(), quantity: z.int().positive(), unitPriceMinor: z.int().nonnegative(),
})

/** `POST /preview`: an order as `order.completed` carries it, and optionally whose. */
export const previewRequest = z.strictObject({
  customerId: customerId.optional(), amountMinor: z.int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/), items: z.array(orderItem).max(500).optional(),
}).openapi('PointsPreviewRequest')

/** One reason in a preview. */
export const earningLineSchema = z.object({
  rule: z.enum(['base', 'category', 'tier', 'cap-day', 'cap-customer']), points: z.number(), detail: z.string(),
})

/** What an order would earn, and why. */
export const previewResponse = z.object({ points: z.int(), currency: z.string(), lines: z.array(earningLineSchema) }).openapi('PointsPreview')

/** `GET /verify`. */
export const verifyResponse = z.object({
  ok: z.boolean(), members: z.int(), balance: z.int(), debt: z.int(),
  mismatches: z.array(z.object({
    customerId: z.string(), balance: z.int(), debt: z.int(), lifetimeEarned: z.int(),
    lotRemaining: z.int(), ledgerDelta: z.int(), ledgerDebt: z.int(), ledgerLifetime: z.int(), badLots: z.int(),
  })),
}).openapi('PointsVerifyReport')

export type PreviewRequest = z.infer<typeof previewRequest>
export type EarningLine = z.infer<typeof earningLineSchema>

/**
 * What a reward is worth at the till: an amount off (a voucher), a percentage off (a discount) or a
 * product (a gift); null for rewards added before values existed.
 */
export const rewardValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('amount'), amountMinor: z.int().positive(), currency: z.string().regex(/^[A-Z]{3}$/) }),
  z.strictObject({ type: z.literal('percent'), percent: z.int().min(1).max(100) }),
  z.strictObject({ type: z.literal('product'), sku: z.string().trim().min(1).max(64), productName: z.string().trim().min(1).max(200) }),
]).openapi('PointsRewardValue')
export type RewardValue = z.infer<typeof rewardValueSchema>
/** The value type each reward kind takes. */
export const VALUE_TYPE_OF_KIND = { voucher: 'amount', discount: 'percent', gift: 'product' } as const

/** A reward of the catalog; `stock` null is unlimited. */
export const rewardSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
  name: z.string().trim().min(1).max(200),
  costPoints: z.int().positive(),
  stock: z.int().nonnegative().nullable(),
  active: z.boolean(),
  voucherValidDays: z.int().min(1).max(3650),
  kind: z.enum(['voucher', 'discount', 'gift']),
  /** Most items one customer may ever redeem; null is no limit. */
  perCustomerLimit: z.int().positive().nullable(),
  /** Value tiers (from the tiering plugin) allowed to redeem; null is everyone. */
  tiers: z.array(z.enum(['diamond', 'silver', 'bronze', 'iron'])).min(1).nullable(),
  /** What it is worth at the till; its type follows the kind (voucher: amount, discount: percent, gift: product). */
  value: rewardValueSchema.nullable(),
  /** Only for customers whose tier benefits (tiering's `exclusiveRewards`) name it; nobody while tiering is off. */
  exclusive: z.boolean(),
}).openapi('PointsReward')
/** `POST /rewards`. */
export const rewardCreate = rewardSchema.extend({
  stock: z.int().nonnegative().nullable().default(null), active: z.boolean().default(true), voucherValidDays: z.int().min(1).max(3650).default(30),
  kind: z.enum(['voucher', 'discount', 'gift']).default('voucher'), perCustomerLimit: z.int().positive().nullable().default(null),
  tiers: z.array(z.enum(['diamond', 'silver', 'bronze', 'iron'])).min(1).nullable().default(null),
  value: rewardValueSchema.nullable().default(null),
  exclusive: z.boolean().default(false),
}).strict()
/** `PATCH /rewards/{rewardId}`. */
export const rewardUpdate = rewardSchema.omit({ id: true }).partial().strict()
/** `{rewardId}` path parameter. */
export const rewardParams = z.object({ rewardId: z.string().min(1).max(64) })

/** A voucher code issued by a redemption. */
export const voucherSchema = z.object({
  code: z.string(), rewardId: z.string(), status: z.enum(['issued', 'used', 'void']), issuedAt: z.string(), expiresAt: z.string(), usedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
}).openapi('PointsVoucher')
/** `POST /members/{customerId}/redemptions`. */
export const redemptionRequest = z.strictObject({
  rewardId: z.string().min(1).max(64), quantity: z.int().min(1).max(100).default(1), idempotencyKey,
}).openapi('PointsRedemptionRequest')
/** A redemption's result: the spend entry and its vouchers. */
export const redemptionResult = z.object({ entry: entrySchema, vouchers: z.array(voucherSchema), repeated: z.boolean() }).openapi('PointsRedemption')
/** `POST /voucher-uses`. */
export const voucherUseRequest = z.strictObject({ code: z.string().trim().toUpperCase().min(1).max(32) }).openapi('PointsVoucherUse')
/** `POST /voucher-voids`: cancels an unused voucher and returns its points. */
export const voucherVoidRequest = z.strictObject({
  code: z.string().trim().toUpperCase().min(1).max(32), reason: z.string().trim().min(3).max(500),
}).openapi('PointsVoucherVoid')

/** `{code}` path parameter of the till API: any case, spaces trimmed. */
export const voucherCodeParams = z.object({ code: z.string().trim().toUpperCase().min(1).max(32) })
/** A voucher as the till sees it (`GET /vouchers/{code}`): an issued code past its expiry shows `expired`. */
export const tillVoucherSchema = z.object({
  code: z.string(), status: z.enum(['issued', 'used', 'void', 'expired']), issuedAt: z.string(), expiresAt: z.string(),
  usedAt: z.string().nullable(), voidedAt: z.string().nullable(),
  reward: z.object({ id: z.string(), name: z.string(), kind: rewardSchema.shape.kind, value: rewardValueSchema.nullable() }),
  /** Whose it is, so the till can ask the name; null name when none is recorded. */
  customer: z.object({ id: z.string(), name: z.string().nullable(), memberNo: z.string().nullable() }),
  /** The use that holds it (status `used`), and until when it may be undone (null: never). */
  use: z.object({ idempotencyKey: z.string(), orderReference: z.string(), usedAt: z.string(), undoableUntil: z.string().nullable() }).nullable(),
}).openapi('PointsTillVoucher')
export type TillVoucher = z.infer<typeof tillVoucherSchema>
/** `POST /vouchers/{code}/uses`: the till's idempotency key and the order the code is used on. */
export const tillUseRequest = z.strictObject({ idempotencyKey, orderReference: z.string().trim().min(1).max(100) }).openapi('PointsTillUse')
/** `POST /vouchers/{code}/use-undos`: the key the use was made with. */
export const tillUndoRequest = z.strictObject({ idempotencyKey, reason: z.string().trim().min(1).max(500).optional() }).openapi('PointsTillUndo')
/** A till write's answer: the voucher now, and whether this repeated an earlier request. */
export const tillUseResult = tillVoucherSchema.extend({ repeated: z.boolean() }).openapi('PointsTillUseResult')

/** A UTC time given as `YYYY-MM-DD` or a full ISO-8601 time, normalised to ISO. */
const isoTime = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), 'YYYY-MM-DD or an ISO-8601 time')
  .transform((v) => new Date(v).toISOString())

/** `GET /reports/liability`. */
export const liabilityResponse = z.object({
  members: z.int(), activeMembers: z.int(), outstandingPoints: z.int(), pendingPoints: z.int(), debtPoints: z.int(),
  expiringPoints: z.int(), expiringBefore: z.string(), valueMinor: z.int(), currency: z.string(),
}).openapi('PointsLiability')

/** `GET /reports/earn-burn?from&to&bucket`: defaults to the last 30 days by day, or the last year by month. */
export const earnBurnQuery = z.strictObject({ from: isoTime.optional(), to: isoTime.optional(), bucket: z.enum(['day', 'month']).default('day') })
/** One row per period with activity. */
export const earnBurnResponse = z.object({
  bucket: z.enum(['day', 'month']), from: z.string(), to: z.string(),
  rows: z.array(z.object({ period: z.string(), earned: z.int(), spent: z.int(), expired: z.int(), revoked: z.int(), adjustedDown: z.int() })),
}).openapi('PointsEarnBurn')

/** `GET /members/{customerId}/statement?from&to`: defaults to the last 30 days. */
export const statementQuery = z.strictObject({ from: isoTime.optional(), to: isoTime.optional() })
/** A member's statement. */
export const statementResponse = z.object({
  from: z.string(), to: z.string(), openingBalance: z.int(), credits: z.int(), debits: z.int(), closingBalance: z.int(), entries: z.array(entrySchema),
}).openapi('PointsStatement')

/** `GET /members`: `q` and `customerId` match either; the cursor is the last page's `nextCursor`. */
export const memberListQuery = z.strictObject({
  q: z.string().trim().min(1).max(64).optional().openapi({ description: 'Start of a member number (any case), or a customer id' }),
  customerId: z.union([customerId, z.array(customerId).max(100)]).optional().openapi({ description: 'Repeatable: these customers (e.g. found by name in the customer list)' }),
  status: z.enum(['active', 'suspended', 'closed']).optional(),
  cursor: z.string().regex(/^\d{1,15}$/, 'the nextCursor of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type MemberListQuery = z.infer<typeof memberListQuery>
/** A member in the list: totals and what expires within `expiringSoonDays`. */
export const memberSummarySchema = z.object({
  customerId: z.string(), memberNo: z.string(), status: z.enum(['active', 'suspended', 'closed']), joinedAt: z.string(),
  balance: z.int(), debt: z.int(), lifetimeEarned: z.int(), expiringSoon: z.int(),
}).openapi('PointsMemberSummary')
export type MemberSummary = z.infer<typeof memberSummarySchema>
/** One page of members. */
export const memberPageSchema = z.object({ items: z.array(memberSummarySchema), nextCursor: z.string().nullable() }).openapi('PointsMemberPage')

/** `GET /vouchers`: redemptions' vouchers, newest first. */
export const voucherListQuery = z.strictObject({
  customerId: customerId.optional(),
  rewardId: z.string().min(1).max(64).optional(),
  status: z.enum(['issued', 'used', 'void']).optional(),
  cursor: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z~[A-Z0-9-]{1,32}$/, 'the nextCursor of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type VoucherListQuery = z.infer<typeof voucherListQuery>
/** A voucher in the list, with whose it is and what it cost. */
export const voucherRowSchema = voucherSchema.extend({ customerId: z.string(), memberNo: z.string().nullable(), rewardName: z.string().nullable(), costPoints: z.int().nullable() }).openapi('PointsVoucherRow')
export type VoucherRow = z.infer<typeof voucherRowSchema>
/** One page of vouchers. */
export const voucherPageSchema = z.object({ items: z.array(voucherRowSchema), nextCursor: z.string().nullable() }).openapi('PointsVoucherPage')

/** `POST /members/{customerId}/links`: a signed link to the member's page, valid for `ttlDays`. */
export const memberLinkRequest = z.strictObject({ ttlDays: z.int().min(1).max(90).default(30) }).openapi('PointsMemberLinkRequest')
/** The link: `/m/<token>` on the server's own origin. */
export const memberLinkSchema = z.object({ path: z.string(), token: z.string(), expiresAt: z.string() }).openapi('PointsMemberLink')

/** What the member's own page (`/m/<token>`) shows: no staff notes, no other customers. */
export const memberPageViewSchema = z.object({
  memberNo: z.string(), status: z.enum(['active', 'suspended', 'closed']), memberSince: z.string(),
  balance: z.int(), available: z.int(), pending: z.int(), debt: z.int(), lifetimeEarned: z.int(),
  /** Points expiring within `expiringSoonDays`, one row per expiry day. */
  expiring: z.array(z.object({ date: z.string(), points: z.int() })),
  /** The latest entries, newest first: kind, change and when (and the order for earns and refunds). */
  entries: z.array(z.object({ kind: entrySchema.shape.kind, delta: z.int(), orderId: z.string().nullable(), occurredAt: z.string() })),
  /** The value tier from the tiering plugin's profile field, null while it is off or unset. */
  tier: z.enum(['diamond', 'silver', 'bronze', 'iron']).nullable(),
  /** Active rewards the available balance covers, cheapest first. */
  affordable: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['voucher', 'discount', 'gift']), costPoints: z.int() })),
  /** The member's vouchers, usable ones first (soonest expiry first), then the latest others; `expired` is an issued code past its expiry. */
  vouchers: z.array(z.object({
    code: z.string(), rewardName: z.string().nullable(), kind: z.enum(['voucher', 'discount', 'gift']).nullable(), value: rewardValueSchema.nullable(),
    status: z.enum(['issued', 'used', 'void', 'expired']), issuedAt: z.string(), expiresAt: z.string(), usedAt: z.string().nullable(),
  })),
  /** Points expiring within the next 30, 60 and 90 days (each includes the shorter windows). */
  expiringWithin: z.object({ days30: z.int(), days60: z.int(), days90: z.int() }),
  /** Progress to the next value tier and when the tier is next reviewed, from tiering; null while tiering is off. */
  tierProgress: z.object({
    next: z.enum(['diamond', 'silver', 'bronze', 'iron']).nullable(),
    basis: z.enum(['spend', 'pointsBalance', 'pointsLifetime']),
    value: z.number(), target: z.number().nullable(), remaining: z.number().nullable(), windowDays: z.int(),
    /** The currency of spend amounts (the member's last order's), null when no order is known. */
    currency: z.string().nullable(),
    reviewAt: z.string().nullable(),
  }).nullable(),
  /** The member's own referral code to share, and how many they referred (and were rewarded for). */
  referral: z.object({ code: z.string(), referred: z.int(), rewarded: z.int() }),
}).openapi('PointsMemberPage')
export type MemberPageView = z.infer<typeof memberPageViewSchema>

/** `POST /referrals`: a new customer and the referral code they bring. */
export const referralLinkRequest = z.strictObject({ customerId: z.string().min(1).max(64), code: z.string().trim().min(4).max(16) }).openapi('PointsReferralLink')
/** A referral: who referred whom, and the order that rewarded it. */
export const referralSchema = z.object({
  refereeId: z.string(), referrerId: z.string(), code: z.string(), linkedAt: z.string(), orderId: z.string().nullable(), rewardedAt: z.string().nullable(),
}).openapi('PointsReferral')
/** `GET /members/{customerId}/referral`. */
export const referralSummarySchema = z.object({
  code: z.string(), referredBy: z.string().nullable(), referred: z.int(), rewarded: z.int(),
}).openapi('PointsReferralSummary')

/** `POST /me/redemptions`: the member redeems one item of a reward from their own page. */
export const selfRedemptionRequest = z.strictObject({ rewardId: z.string().min(1).max(64), idempotencyKey }).openapi('PointsSelfRedemptionRequest')
