/**
 * @module
 * The wallet sections of the member page: "my vouchers" (a QR code of each usable code, its
 * reward, value, status and expiry), the progress to the next tier with its review date, the
 * points expiring within 30/60/90 days, and the member's referral code to share.
 */
import type { MemberPageView } from '../../shared/schemas'
import { h } from './dom'
import { fill, type Language, type Messages } from './messages'
import { qrSvg } from './qr'

type Voucher = MemberPageView['vouchers'][number]
type Formats = { n: (v: number) => string; date: (iso: string) => string }

/** An amount in minor units as money, in the page's language (a plain number when the currency is unknown). */
export const money = (language: Language, minor: number, currency: string | null): string =>
  currency
    ? new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100)
    : new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100)

/** What a voucher is worth, in words: "¥10.00 off", "15% off", "Coffee". */
function valueText(v: Voucher, t: Messages, language: Language): string | null {
  if (!v.value) return v.kind ? t.kindsReward[v.kind] : null
  if (v.value.type === 'amount') return fill(t.wallet.amountOff, { amount: money(language, v.value.amountMinor, v.value.currency) })
  if (v.value.type === 'percent') return fill(t.wallet.percentOff, { percent: String(v.value.percent) })
  return v.value.productName
}

/** @example section.append(vouchersSection(member.vouchers, t, 'en', f)) */
export function vouchersSection(vouchers: MemberPageView['vouchers'], t: Messages, language: Language, f: Formats): HTMLElement {
  const item = (v: Voucher) => {
    const usable = v.status === 'issued'
    const value = valueText(v, t, language)
    return h('li', { class: `voucher${usable ? '' : ' past'}`, 'data-testid': 'wallet-voucher' },
      h('div', { class: 'voucher-head' },
        h('span', {}, h('strong', {}, v.rewardName ?? t.wallet.unnamed), value && h('span', { class: 'muted small block' }, value)),
        h('span', { class: `status status-${v.status}` }, t.wallet.status[v.status])),
      usable && qrSvg(v.code, fill(t.wallet.qrLabel, { code: v.code })),
      h('p', { class: 'code', 'aria-label': fill(t.wallet.codeLabel, { code: v.code }) }, v.code),
      h('p', { class: 'muted small' }, v.status === 'used' && v.usedAt ? fill(t.wallet.usedOn, { date: f.date(v.usedAt) })
        : fill(usable ? t.wallet.validUntil : t.wallet.expiredOn, { date: f.date(v.expiresAt) })),
    )
  }
  return h('section', { class: 'card', 'aria-labelledby': 'vouchers-title' },
    h('h2', { id: 'vouchers-title' }, t.wallet.title),
    vouchers.length === 0 ? h('p', { class: 'muted' }, t.wallet.none) : h('ul', { class: 'vouchers' }, ...vouchers.map(item)),
    vouchers.some((v) => v.status === 'issued') && h('p', { class: 'muted small' }, t.wallet.hint),
  )
}

/** The tier card: the tier, what remains to the next one, and when the tier is reviewed. */
export function tierSection(m: MemberPageView, t: Messages, language: Language, f: Formats): HTMLElement | null {
  const p = m.tierProgress
  if (!m.tier && !p) return null
  const amount = (v: number) => (p?.basis === 'spend' ? money(language, v, p.currency) : fill(t.cost, { n: f.n(v) }))
  const progress = p?.next && p.remaining !== null && p.target
    ? [
        h('p', { class: 'small' }, fill(p.basis === 'spend' ? t.wallet.toNextSpend : t.wallet.toNextPoints, { amount: amount(p.remaining), tier: t.tiers[p.next], days: f.n(p.windowDays) })),
        h('progress', { max: String(p.target), value: String(Math.min(p.value, p.target)), 'aria-label': fill(t.wallet.progressLabel, { tier: t.tiers[p.next] }) }),
      ]
    : p && !p.next ? [h('p', { class: 'small' }, t.wallet.topTier)] : []
  return h('section', { class: 'card', 'aria-labelledby': 'tier-title' },
    h('div', { class: 'tier' }, h('h2', { id: 'tier-title' }, t.tier), m.tier && h('span', { class: `badge tier-${m.tier}` }, t.tiers[m.tier])),
    ...progress,
    p?.reviewAt && h('p', { class: 'muted small' }, fill(t.wallet.reviewAt, { date: f.date(p.reviewAt) })),
  )
}

/** Points expiring within 30, 60 and 90 days, as three figures. */
export function expiringWindows(w: MemberPageView['expiringWithin'], t: Messages, f: Formats): HTMLElement {
  const cell = (days: number, points: number) => h('div', { class: 'window' }, h('strong', { class: points > 0 ? 'warn-text' : '' }, f.n(points)), h('span', { class: 'muted small' }, fill(t.wallet.withinDays, { days: String(days) })))
  return h('div', { class: 'windows', 'data-testid': 'expiring-windows' }, cell(30, w.days30), cell(60, w.days60), cell(90, w.days90))
}

/** The member's referral code to share, and how many they brought. */
export function referralSection(r: MemberPageView['referral'], t: Messages, f: Formats): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'refer-title' },
    h('h2', { id: 'refer-title' }, t.wallet.referTitle),
    h('p', { class: 'code', 'data-testid': 'referral-code', 'aria-label': fill(t.wallet.referCodeLabel, { code: r.code }) }, r.code),
    h('p', { class: 'muted small' }, t.wallet.referHint),
    r.referred > 0 && h('p', { class: 'small' }, fill(t.wallet.referred, { n: f.n(r.referred), rewarded: f.n(r.rewarded) })),
  )
}
