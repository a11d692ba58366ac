/**
 * @module
 * The member page from the member's data: balance card, their vouchers, tier and its progress,
 * expiring points, the rewards the balance covers and recent activity.
 */
import type { MemberPageView } from '../../shared/schemas'
import { h } from './dom'
import { fill, type Language, type Messages } from './messages'
import { expiringWindows, referralSection, tierSection, vouchersSection } from './render-wallet'

/** Numbers and dates in the page's language, in the phone's own time zone. */
const formats = (language: Language) => {
  const numbers = new Intl.NumberFormat(language)
  const dates = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' })
  const day = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
  return {
    n: (v: number) => numbers.format(v),
    signed: (v: number) => (v > 0 ? `+${numbers.format(v)}` : numbers.format(v)),
    date: (iso: string) => dates.format(new Date(iso)),
    /** A UTC calendar day (`2026-12-01`) as itself. */
    day: (ymd: string) => day.format(new Date(`${ymd}T00:00:00Z`)),
  }
}

/** What the rewards list needs from the page: the reward being confirmed, the last outcome, and actions. */
export type RedeemUi = {
  confirming: string | null
  busy: boolean
  notice: { kind: 'ok'; code: string; expiresAt: string } | { kind: 'error'; code: string } | null
  ask(rewardId: string | null): void
  redeem(rewardId: string): void
}

/** @example app.replaceChildren(...renderMember(member, messages.en, 'en', ui)) */
export function renderMember(m: MemberPageView, t: Messages, language: Language, ui: RedeemUi): Node[] {
  const f = formats(language)
  const header = h('section', { class: 'card balance', 'aria-labelledby': 'balance-title' },
    h('p', { class: 'muted', id: 'balance-title' }, t.balance),
    h('p', { class: 'big', 'data-testid': 'balance' }, f.n(m.balance)),
    h('p', { class: 'row' },
      h('span', {}, fill(t.available, { n: f.n(m.available) })),
      m.pending > 0 && h('span', {}, fill(t.pending, { n: f.n(m.pending) }))),
    m.debt > 0 && h('p', { class: 'warn' }, fill(t.debt, { n: f.n(m.debt) })),
    h('p', { class: 'muted small' }, `${fill(t.memberNo, { memberNo: m.memberNo })} · ${fill(t.since, { date: f.date(m.memberSince) })}`),
    h('p', { class: 'muted small' }, fill(t.lifetime, { n: f.n(m.lifetimeEarned) })),
  )
  const status = m.status !== 'active' && h('p', { class: 'card notice', role: 'status' }, t.status[m.status])
  const tier = tierSection(m, t, language, f)
  const expiring = h('section', { class: 'card', 'aria-labelledby': 'expiring-title' },
    h('h2', { id: 'expiring-title' }, t.expiring),
    expiringWindows(m.expiringWithin, t, f),
    m.expiring.length === 0 ? h('p', { class: 'muted' }, t.noExpiring) : h('ul', { class: 'list' },
      ...m.expiring.map((e) => h('li', {}, h('span', {}, fill(t.expiringRow, { date: f.day(e.date) })), h('strong', { class: 'warn-text' }, f.n(e.points))))),
  )
  const history = h('section', { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t.history),
    m.entries.length === 0 ? h('p', { class: 'muted' }, t.noHistory) : h('ul', { class: 'list' },
      ...m.entries.map((e) => h('li', {},
        h('span', {}, h('span', { class: 'kind' }, t.kinds[e.kind]), h('span', { class: 'muted small block' }, e.orderId ? `${f.date(e.occurredAt)} · ${fill(t.order, { orderId: e.orderId })}` : f.date(e.occurredAt))),
        h('strong', { class: e.delta < 0 ? 'minus' : 'plus' }, f.signed(e.delta))))),
  )
  const button = (label: string, cls: string, onClick: () => void, disabled = false) => {
    const b = h('button', { type: 'button', class: cls }, label)
    if (disabled) b.setAttribute('disabled', '')
    b.addEventListener('click', onClick)
    return b
  }
  const rewardRow = (r: MemberPageView['affordable'][number]) => {
    if (ui.confirming !== r.id) {
      return h('li', {}, h('span', {}, r.name, h('span', { class: 'muted small block' }, `${t.kindsReward[r.kind]} · ${fill(t.cost, { n: f.n(r.costPoints) })}`)),
        button(t.redeem, 'primary compact', () => ui.ask(r.id), ui.busy))
    }
    return h('li', { class: 'confirm' },
      h('span', {}, fill(t.redeemConfirm, { n: f.n(r.costPoints), name: r.name })),
      h('span', { class: 'actions' }, button(t.cancel, 'compact', () => ui.ask(null), ui.busy), button(ui.busy ? t.redeeming : t.confirm, 'primary compact', () => ui.redeem(r.id), ui.busy)))
  }
  const notice = ui.notice && (ui.notice.kind === 'ok'
    ? h('p', { class: 'ok', role: 'status', 'data-testid': 'voucher' }, fill(t.voucher, { code: ui.notice.code, date: f.date(ui.notice.expiresAt) }))
    : h('p', { class: 'warn inline-notice', role: 'alert' }, t.redeemErrors[ui.notice.code as keyof Messages['redeemErrors']] ?? t.redeemErrors.other))
  const rewards = h('section', { class: 'card', 'aria-labelledby': 'rewards-title' },
    h('h2', { id: 'rewards-title' }, t.rewards),
    notice,
    m.affordable.length === 0 ? h('p', { class: 'muted' }, t.noRewards) : h('ul', { class: 'list' }, ...m.affordable.map(rewardRow)),
    m.affordable.length > 0 && h('p', { class: 'muted small' }, t.redeemHint),
  )
  const vouchers = vouchersSection(m.vouchers, t, language, f)
  const referral = m.status === 'active' && referralSection(m.referral, t, f)
  return [header, status, vouchers, tier, expiring, rewards, referral, history].filter((n): n is HTMLElement => Boolean(n))
}
