import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TimelineItem } from '../../api/customers'
import { formatMoney } from '@rapport/admin-kit'
import en from '../../i18n/en.json'
import zhCN from '../../i18n/zh-CN.json'
import { installedPluginAdmins } from '../../plugins/installed-plugin-admins'
import { eventSentence, eventTypeName, type SentenceContext } from './event-sentence'

// The admin's resources, as i18n.ts builds them (without its DOM side effects).
const resources = {
  en: { translation: en, ...Object.fromEntries(installedPluginAdmins.map((a) => [a.plugin, a.messages.en])) },
  'zh-CN': { translation: zhCN, ...Object.fromEntries(installedPluginAdmins.map((a) => [a.plugin, a.messages['zh-CN']])) },
}

const tierLabels: Record<string, Record<string, string>> = { en: { silver: 'Silver', diamond: 'Diamond' }, 'zh-CN': { silver: '白银', diamond: '金钻' } }

const item = (type: string, payload: Record<string, unknown>, profileChanges: Array<{ field: string; previous: unknown; next: unknown }> = []): TimelineItem =>
  ({ id: `evt_${type}`, type, payload, occurredAt: '2026-12-01T02:00:00.000Z', seq: 1, source: 'api', actor: null, profileChanges }) as unknown as TimelineItem

const context = async (language: 'en' | 'zh-CN', page: TimelineItem[] = []): Promise<SentenceContext> => {
  const i18n = i18next.createInstance()
  await i18n.init({ resources, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false } })
  return {
    t: (key, options) => String((i18n.t as unknown as (k: string, o: object) => unknown)(key, options ?? {})),
    money: (amount, currency) => formatMoney(amount, currency, language),
    dateTime: (iso) => iso.slice(0, 10),
    number: (n) => n.toLocaleString(language),
    fieldValue: (field, v) => (field === 'tiering.tier' && typeof v === 'string' ? (tierLabels[language]?.[v] ?? v) : v === null ? '—' : String(v)),
    page,
  }
}

describe('timeline sentences', () => {
  const order = item('order.completed', { orderId: 'SO-1', amountMinor: 12300, currency: 'CNY' }, [{ field: 'tiering.tier', previous: 'silver', next: 'diamond' }])
  const earned = item('points.earned', { orderId: 'SO-1', points: 123, balance: 500 })
  let zh: SentenceContext
  let en: SentenceContext
  beforeAll(async () => { zh = await context('zh-CN', [order, earned]); en = await context('en', [order, earned]) })

  it('tells an order with what it earned and the tier it moved, in each language', () => {
    expect(eventSentence(order, zh)).toBe('订单 ¥123.00 完成 — +123 积分，等级 白银 → 金钻')
    expect(eventSentence(order, en)).toBe('Order of CN¥123.00 completed — +123 points, Tier Silver → Diamond')
  })

  it('names complaint categories and SLA targets in the page language, never their codes', () => {
    const opened = item('complaint.opened', { caseId: 'cmp_1', category: 'delivery.late' })
    const breached = item('complaint.sla.breached', { caseId: 'cmp_1', target: 'nextUpdate' })
    expect(eventSentence(opened, zh)).toBe('登记投诉：配送延迟')
    expect(eventSentence(breached, en)).toBe('Complaint SLA breached: Next update')
    expect(eventSentence(opened, zh)).not.toContain('cmp_')
  })

  it('gives every known type a name and an unknown type a plain sentence, not its code or JSON', () => {
    expect(eventTypeName('points.adjusted', zh.t)).toBe('积分调整')
    const unknown = item('acme.thing.happened', { secret: 'x' })
    expect(eventTypeName(unknown.type, en.t)).toBe('Other event')
    expect(eventSentence(unknown, zh)).toBe('由插件记录')
  })

  it('reads survey scores and points balances', () => {
    expect(eventSentence(item('survey.response.completed', { nps: 9, csat: null }), en)).toBe('Answered a survey (NPS 9)')
    expect(eventSentence(item('points.spent', { points: 3500, balance: 3004 }), zh)).toBe('使用 3,500 积分，余额 3,004')
  })
})
