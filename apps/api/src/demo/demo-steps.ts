/**
 * @module
 * What the demo's staff and customers do between orders, as dated steps. A step names what it
 * acts on by `ref` (a case, an invitation, a voucher made by an earlier step), because ids exist
 * only once the plugins have answered.
 */

/** The surveys the demo publishes at the start of its history. */
export type DemoSurveyKey = 'nps' | 'csat' | 'ces' | 'complaint'

/** Who acts: the owner (admin work) or one of the two complaint agents. */
export type DemoStaff = 'owner' | 'agent1' | 'agent2'

export type DemoStep = { at: string; seq: number } & (
  | { kind: 'setup' }
  | { kind: 'survey.invite'; ref: string; survey: DemoSurveyKey; customer: string; locale: 'zh-CN' | 'en'; caseRef?: string; ignoreQuietPeriod?: boolean }
  | { kind: 'survey.open'; ref: string }
  | { kind: 'survey.complete'; ref: string; answers: Record<string, unknown> }
  | { kind: 'case.file'; ref: string; by: DemoStaff; customer: string; category: string; priority: 'low' | 'normal' | 'high' | 'urgent'; channel: 'phone' | 'email' | 'store' | 'web' | 'wechat'; description: string; orderRef?: string }
  | { kind: 'case.assign'; ref: string; by: DemoStaff; to: DemoStaff }
  | { kind: 'case.message'; ref: string; by: DemoStaff; body: string; visibility: 'customer' | 'internal' }
  | { kind: 'case.move'; ref: string; by: DemoStaff; to: 'open' | 'pending_customer' | 'pending_third_party' | 'resolved' | 'closed'; reason?: string; resolutionCode?: string; summary?: string; goodwillPoints?: number }
  | { kind: 'case.follow-up'; ref: string; by: DemoStaff; reached: boolean; satisfied?: boolean; notes: string }
  | { kind: 'points.redeem'; ref: string; customer: string; rewardId: string }
  | { kind: 'points.use-voucher'; ref: string }
  | { kind: 'points.void-voucher'; ref: string; reason: string }
  | { kind: 'churn.win-back'; customer: string }
)

/** A step without its sequence number, as the planners write them. */
export type PlannedStep = DemoStep extends infer S ? (S extends DemoStep ? Omit<S, 'seq'> : never) : never

/** The demo's rewards (points-membership catalogue), created at the start of its history. */
export const DEMO_REWARDS = [
  { id: 'voucher-20', name: '20 元代金券 / ¥20 voucher', costPoints: 2_000, kind: 'voucher', voucherValidDays: 90 },
  { id: 'gift-tote', name: '帆布托特包 / Canvas tote', costPoints: 3_500, kind: 'gift', stock: 400, voucherValidDays: 60 },
  { id: 'voucher-50', name: '50 元代金券 / ¥50 voucher', costPoints: 5_000, kind: 'voucher', voucherValidDays: 90 },
  { id: 'tea-set', name: '青瓷茶具 / Celadon tea set', costPoints: 12_000, kind: 'gift', stock: 60, voucherValidDays: 60, perCustomerLimit: 1 },
] as const

/** Sorts steps by time, keeping the planners' order for equal times, and numbers them. */
export function orderSteps(steps: PlannedStep[]): DemoStep[] {
  return steps
    .map((s, i) => ({ ...s, seq: i }) as DemoStep)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq))
}
