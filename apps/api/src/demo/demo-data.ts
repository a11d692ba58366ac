/**
 * @module
 * Deterministic, realistic demo data: customers (mostly Chinese, some English names) and about
 * 15 orders each over 24 months, with seasonality (Spring Festival, 618, Double 11, December),
 * a long tail of spend (a few customers buy a lot, most buy a little), customers whose buying
 * rises or falls over the years (tier movements), churn (many customers stop buying) and win-back
 * (some of them return after months away), so RFM, tiers and churn warnings have something true to show.
 */
import { CATALOGUE, CHINESE_GIVEN, CHINESE_SURNAMES, CITIES_CN, CITIES_EN, ENGLISH_FIRST, ENGLISH_LAST, SURNAME_PINYIN } from './names.js'
import { seededRandom, type Random } from './random.js'

/** Size and anchor of the demo data set. */
export type DemoOptions = { customers?: number; ordersPerCustomer?: number; seed?: number; endDate?: Date; months?: number }

export type DemoCustomer = {
  externalId: string; name: string; email: string; phone: string; birthday: string; locale: string; timeZone: string
  attributes: Record<string, string | number | boolean>
  createdAt: string
}

export type DemoOrder = {
  id: string; type: 'order.completed'; customerExternalId: string; orderId: string; amountMinor: number; currency: 'CNY'; occurredAt: string
  channel: 'store' | 'web' | 'app' | 'wechat'
  items: Array<{ sku: string; name: string; category: string; quantity: number; unitPriceMinor: number }>
}

/** How a customer's buying goes over the years: `steady` customers keep their tier, `rising` and `falling` ones move. */
export type DemoTrajectory = 'steady' | 'rising' | 'falling'

/** A customer's story, for the activity plan: when they stopped buying and whether they came back. */
export type DemoStory = { externalId: string; trajectory: DemoTrajectory; appetite: number; churnedAt: string | null; returnedAt: string | null }

export type DemoRefund = { id: string; type: 'order.refunded'; customerExternalId: string; orderId: string; amountMinor: number; currency: 'CNY'; occurredAt: string; reason: string }

/** Relative demand by calendar month (index 0 = January). */
const MONTH_WEIGHT = [1.25, 0.8, 0.9, 0.95, 1.0, 1.35, 0.95, 0.9, 1.0, 1.05, 1.6, 1.3]
const DAY_MS = 86_400_000

/**
 * @example const { customers, orders, refunds } = generateDemoData({ customers: 2000 })
 */
export function generateDemoData({ customers: count = 2000, ordersPerCustomer = 15, seed = 20_260_101, endDate = startOfUtcDay(new Date()), months = 24 }: DemoOptions = {}) {
  const r = seededRandom(seed)
  const end = endDate.getTime()
  const start = end - months * 30.4 * DAY_MS
  const customers: DemoCustomer[] = []
  const orders: DemoOrder[] = []
  const refunds: DemoRefund[] = []
  const stories: DemoStory[] = []

  for (let i = 1; i <= count; i++) {
    const customer = makeCustomer(r, i, start, end)
    customers.push(customer)
    // Long tail: a Pareto-like appetite; churn: an active span after which the customer stops.
    const appetite = Math.min(12, 0.35 / (1 - r.next()) ** 0.55)
    const joined = Date.parse(customer.createdAt)
    const churned = r.chance(0.45) ? joined + r.next() * (end - joined) : end
    const trajectory = r.weighted([['steady', 60], ['rising', 20], ['falling', 20]] as const)
    // Win-back: a third of those who stopped come back after three to eight months away.
    const gap = r.int(90, 240) * DAY_MS
    const returned = churned < end && r.chance(0.33) && churned + gap < end - 14 * DAY_MS ? churned + gap : null
    stories.push({ externalId: customer.externalId, trajectory, appetite, churnedAt: churned < end ? new Date(churned).toISOString() : null, returnedAt: returned === null ? null : new Date(returned).toISOString() })
    const activeMonths = Math.max(0.5, (churned - joined) / (30.4 * DAY_MS))
    const expected = (appetite * activeMonths * ordersPerCustomer) / (months * 0.335)
    const n = Math.max(1, Math.round(expected * (0.6 + r.next() * 0.8)))
    const comeback = returned === null ? 0 : r.int(1, 4)
    for (let k = 1; k <= n + comeback; k++) {
      const at = k > n ? seasonalTime(r, returned!, end, 'steady') : seasonalTime(r, joined, churned, trajectory)
      const order = makeOrder(r, customer.externalId, `${customer.externalId}-${k}`, at)
      orders.push(order)
      if (r.chance(0.03)) {
        const part = r.chance(0.5) ? order.amountMinor : Math.round(order.amountMinor * 0.3)
        refunds.push({ id: `refund-${order.orderId}`, type: 'order.refunded', customerExternalId: customer.externalId, orderId: order.orderId, amountMinor: part, currency: 'CNY', occurredAt: new Date(Math.min(end, Date.parse(order.occurredAt) + r.int(1, 10) * DAY_MS)).toISOString(), reason: r.pick(['size', 'quality', 'late delivery', 'changed mind']) })
      }
    }
  }
  orders.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
  return { customers, orders, refunds, stories }
}

function makeCustomer(r: Random, i: number, start: number, end: number): DemoCustomer {
  const chinese = r.chance(0.72)
  const externalId = `C${String(i).padStart(6, '0')}`
  const surname = r.pick(CHINESE_SURNAMES)
  const first = r.pick(ENGLISH_FIRST)
  const last = r.pick(ENGLISH_LAST)
  const name = chinese ? surname + r.pick(CHINESE_GIVEN) : `${first} ${last}`
  const email = chinese ? `${SURNAME_PINYIN[surname]}${i}@example.cn` : `${first}.${last}${i}@example.com`.toLowerCase()
  const phone = chinese ? `+86 1${r.pick(['38', '39', '58', '86', '77'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}` : `+65 ${r.int(8000, 9999)} ${r.int(1000, 9999)}`
  const birthday = new Date(Date.UTC(r.int(1958, 2005), r.int(0, 11), r.int(1, 28))).toISOString().slice(0, 10)
  // More sign-ups early on (the shop's launch), then a steady trickle.
  const createdAt = new Date(start + r.next() ** 1.3 * (end - start - 7 * DAY_MS)).toISOString()
  return {
    externalId, name, email, phone, birthday,
    locale: chinese ? 'zh-CN' : 'en',
    timeZone: chinese ? 'Asia/Shanghai' : r.pick(['Asia/Singapore', 'Europe/London', 'Australia/Sydney']),
    attributes: { city: chinese ? r.pick(CITIES_CN) : r.pick(CITIES_EN), source: r.weighted([['store', 35], ['wechat', 30], ['web', 20], ['referral', 15]] as const), newsletter: r.chance(0.4) },
    createdAt,
  }
}

/** A time between `from` and `to`, denser in busy months, and later (rising) or earlier (falling) by trajectory. */
function seasonalTime(r: Random, from: number, to: number, trajectory: DemoTrajectory): number {
  for (;;) {
    const u = r.next()
    const shaped = trajectory === 'rising' ? Math.sqrt(u) : trajectory === 'falling' ? 1 - Math.sqrt(1 - u) : u
    const t = Math.min(to, from + shaped * Math.max(DAY_MS, to - from))
    const month = new Date(t).getUTCMonth()
    if (r.next() * 1.6 < MONTH_WEIGHT[month]!) return t
  }
}

function makeOrder(r: Random, externalId: string, orderId: string, at: number): DemoOrder {
  const lines = r.weighted([[1, 55], [2, 28], [3, 12], [4, 5]] as const)
  const items = Array.from({ length: lines }, () => {
    const product = r.weighted(CATALOGUE.map((p) => [p, p.weight] as const))
    const unitPriceMinor = Math.max(990, Math.round(r.logNormal(product.median, 0.5) / 100) * 100 - 10)
    return { sku: `${product.category.slice(0, 3).toUpperCase()}-${r.int(100, 999)}`, name: product.name, category: product.category, quantity: r.weighted([[1, 75], [2, 18], [3, 7]] as const), unitPriceMinor }
  })
  const amountMinor = items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0)
  const hour = r.weighted([[10, 2], [12, 3], [15, 2], [19, 4], [21, 5], [23, 1]] as const)
  const occurredAt = new Date(Math.floor(at / DAY_MS) * DAY_MS + (hour - 8) * 3_600_000 + r.int(0, 3_599) * 1000).toISOString()
  return { id: `order-${orderId}`, type: 'order.completed', customerExternalId: externalId, orderId, amountMinor, currency: 'CNY', occurredAt, channel: r.weighted([['store', 35], ['wechat', 30], ['app', 20], ['web', 15]] as const), items }
}

/** Midnight UTC of a date. @example startOfUtcDay(new Date()) */
export function startOfUtcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS)
}
