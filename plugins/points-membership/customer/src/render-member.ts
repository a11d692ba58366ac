/**
 * @module
 * The member page from the member's data: balance card, tier, expiring points, recent activity
 * and the rewards the balance covers.
 */
import type { MemberPageView } from '../../shared/schemas'
import { h } from './dom'
import { fill, type Language, type Messages } from './messages'

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

/** @example app.replaceChildren(...renderMember(member, messages.en, 'en')) */
export function renderMember(m: MemberPageView, t: Messages, language: Language): Node[] {
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
  const tier = m.tier && h('section', { class: 'card tier', 'aria-label': t.tier },
    h('span', { class: 'muted' }, t.tier), h('span', { class: `badge tier-${m.tier}` }, t.tiers[m.tier]))
  const expiring = h('section', { class: 'card', 'aria-labelledby': 'expiring-title' },
    h('h2', { id: 'expiring-title' }, t.expiring),
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
  const rewards = h('section', { class: 'card', 'aria-labelledby': 'rewards-title' },
    h('h2', { id: 'rewards-title' }, t.rewards),
    m.affordable.length === 0 ? h('p', { class: 'muted' }, t.noRewards) : h('ul', { class: 'list' },
      ...m.affordable.map((r) => h('li', {}, h('span', {}, r.name, h('span', { class: 'muted small block' }, t.kindsReward[r.kind])), h('strong', {}, fill(t.cost, { n: f.n(r.costPoints) }))))),
    m.affordable.length > 0 && h('p', { class: 'muted small' }, t.redeemHint),
  )
  return [header, status, tier, expiring, history, rewards].filter((n): n is HTMLElement => Boolean(n))
}
