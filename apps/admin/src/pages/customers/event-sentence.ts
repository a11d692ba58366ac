/**
 * @module
 * A timeline event as a sentence in the page's language ("订单 ¥123.00 完成 — +123 积分，等级 白银 →
 * 黄金"), never its type code or payload JSON: each known event type has a sentence with the
 * payload's figures (money, points, labelled tiers, categories), followed by what it changed (tier
 * moves, points); an unknown type says a plugin recorded it.
 */
import type { TimelineItem } from '../../api/customers'

/** Translates a key, with i18next options (`ns`, `defaultValue`, placeholders). */
export type Translate = (key: string, options?: Record<string, unknown>) => string

/** What a sentence needs from the page: translation and formatters bound to its language. */
export type SentenceContext = {
  t: Translate
  money: (amountMinor: unknown, currency: unknown) => string | undefined
  dateTime: (iso: string) => string
  number: (n: number) => string
  /** A profile field's value as people read it (enum labels in the page's language). */
  fieldValue: (field: string, value: unknown) => string
  /** The other events on the same page, for what an order earned. */
  page: readonly TimelineItem[]
}

const typeKey = (type: string) => type.replaceAll('.', '_')
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** The event type's short name: `points.adjusted` → "Points adjusted" / "积分调整". */
export const eventTypeName = (type: string, t: Translate): string =>
  t(`customer.eventTypes.${typeKey(type)}`, { defaultValue: t('customer.timeline.other') })

/** The placeholders of one event's sentence, from its payload. */
function valuesOf(item: TimelineItem, c: SentenceContext): Record<string, unknown> {
  const p = (item.payload ?? {}) as Record<string, unknown>
  const points = (v: unknown) => (num(v) === undefined ? '—' : c.number(num(v) as number))
  const complaint = (key: string, id: unknown) => (typeof id === 'string' ? c.t(`${key}.${id.replaceAll('.', '/')}`, { ns: 'complaint-tracking', defaultValue: id }) : '—')
  switch (item.type) {
    case 'order.completed':
    case 'order.refunded':
      return { amount: c.money(p.amountMinor, p.currency) ?? '—' }
    case 'points.expiring':
      return { points: points(p.points), date: str(p.expiresAt) ? c.dateTime(p.expiresAt as string) : '—' }
    case 'tier.changed':
      return { from: c.fieldValue('tiering.tier', p.from), to: c.fieldValue('tiering.tier', p.to) }
    case 'ladder.changed':
      return { from: c.fieldValue('tiering.ladder', p.from), to: c.fieldValue('tiering.ladder', p.to) }
    case 'survey.response.completed': {
      const scores = (['nps', 'csat', 'ces'] as const).filter((k) => num(p[k]) !== undefined).map((k) => `${k.toUpperCase()} ${p[k]}`)
      return { scores: scores.length > 0 ? c.t('customer.timeline.scores', { scores: scores.join(' · ') }) : '' }
    }
    case 'complaint.opened':
      return { category: complaint('category', p.category) }
    case 'complaint.resolved':
      return { resolution: complaint('resolution', p.resolutionCode) }
    case 'complaint.sla.warning':
    case 'complaint.sla.breached':
      return { target: complaint('target', p.target) }
    default:
      return { points: points(p.points), balance: points(p.balance), nps: p.nps ?? '—', score: p.score ?? '—' }
  }
}

/** What the event changed that people care about: points gained or lost, tier moves. */
function consequencesOf(item: TimelineItem, c: SentenceContext): string[] {
  const out: string[] = []
  const signed = (n: number) => `${n > 0 ? '+' : ''}${c.number(n)}`
  if (item.type === 'order.completed') {
    const orderId = (item.payload as Record<string, unknown> | null)?.orderId
    const earned = c.page.find((e) => e.type === 'points.earned' && (e.payload as Record<string, unknown> | null)?.orderId === orderId)
    const points = num((earned?.payload as Record<string, unknown> | undefined)?.points)
    if (points) out.push(c.t('customer.timeline.pointsDelta', { points: signed(points) }))
  } else if (!item.type.startsWith('points.')) {
    const balance = item.profileChanges.find((ch) => ch.field === 'points.balance')
    const delta = (num(balance?.next) ?? 0) - (num(balance?.previous) ?? 0)
    if (delta !== 0) out.push(c.t('customer.timeline.pointsDelta', { points: signed(delta) }))
  }
  if (item.type !== 'tier.changed') {
    const tier = item.profileChanges.find((ch) => ch.field === 'tiering.tier' && ch.previous !== ch.next)
    if (tier) out.push(c.t('customer.eventSentences.tier_changed', { from: c.fieldValue('tiering.tier', tier.previous), to: c.fieldValue('tiering.tier', tier.next) }))
  }
  return out
}

/**
 * @example eventSentence(orderEvent, ctx) // 'Order of CN¥123.00 completed — +123 points, Tier Silver → Gold'
 */
export function eventSentence(item: TimelineItem, c: SentenceContext): string {
  const sentence = c.t(`customer.eventSentences.${typeKey(item.type)}`, { ...valuesOf(item, c), defaultValue: c.t('customer.timeline.otherSentence') })
  const consequences = consequencesOf(item, c)
  return consequences.length === 0 ? sentence : c.t('customer.timeline.consequences', { sentence, consequences: consequences.join(c.t('customer.timeline.list')) })
}
