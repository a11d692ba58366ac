/**
 * @module
 * Credits a campaign's points for an order as their own ledger entry and lot (pending for the
 * return window like the order's points), keyed per campaign and order, and mirrors the balance
 * with the reason `campaign:<id>`, so `explain` names the campaign behind the change.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { soonAfterCredit, creditLot } from '../ledger/earn-points.js'
import { addDays, type LedgerDeps } from '../ledger/ledger-deps.js'
import type { Member } from '../ledger/member-store.js'
import { mirrorProfile } from '../ledger/mirror-profile.js'
import type { StoredCampaign } from './campaign-store.js'

/** One campaign credit. `asked` is what the budget was asked for; `capCut` what the member's caps took off the rule's points before. */
export type CampaignCreditInput = {
  campaign: Pick<StoredCampaign, 'id' | 'name'>; points: number; asked: number; capCut?: number; detail: string
  orderId: string; occurredAt: string; eventSeq: number; eventId: string
}

/** The ledger key of a campaign's credit for an order. @example campaignKey('pcm_1', 'o1') // 'campaign:pcm_1:o1' */
export const campaignKey = (campaignId: string, orderId: string): string => `campaign:${campaignId}:${orderId}`

/** @example await creditCampaign(tx, ctx, member, { campaign, points: 120, asked: 120, detail: '× 2', orderId, occurredAt, eventSeq, eventId }) */
export async function creditCampaign(tx: Queryable, deps: LedgerDeps, member: Member, input: CampaignCreditInput): Promise<Member> {
  const { campaign, points, occurredAt } = input
  const key = campaignKey(campaign.id, input.orderId)
  const availableAt = addDays(occurredAt, deps.config.returnWindowDays)
  const details = {
    campaignId: campaign.id, campaignName: campaign.name, eventId: input.eventId,
    lines: [{ rule: 'campaign', points, detail: `${campaign.name}: ${input.detail}` }],
    ...(points < input.asked ? { budgetCut: input.asked - points } : {}),
    ...(input.capCut ? { capCut: input.capCut } : {}),
  }
  const credit = await creditLot(tx, deps, member, { kind: 'earn', points, key, orderId: input.orderId, occurredAt, availableAt, reason: null, actor: null, details })
  const event = await deps.emit('points.earned', member.customerId, {
    entryId: credit.entry.entryId, lotId: credit.lotId, points, orderId: input.orderId, debtRepaid: credit.debtRepaid,
    availableAt, expiresAt: credit.expiresAt, balance: credit.member.balance,
  }, { key, occurredAt, tx })
  await mirrorProfile(tx, deps, credit.member, { id: `campaign:${campaign.id}`, eventSeq: event.seq }, await soonAfterCredit(tx, deps, credit, occurredAt))
  return credit.member
}
