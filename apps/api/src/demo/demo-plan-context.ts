/**
 * @module
 * What every demo planner reads: the generated customers, orders and stories, indexed once.
 */
import type { DemoCustomer, DemoOrder, DemoStory } from './demo-data.js'
import type { Random } from './random.js'

export type PlanContext = {
  r: Random
  start: number
  end: number
  customers: readonly DemoCustomer[]
  orders: readonly DemoOrder[]
  stories: ReadonlyMap<string, DemoStory>
  locale: (externalId: string) => 'zh-CN' | 'en'
  /** Order times of each customer, ascending. */
  orderTimes: ReadonlyMap<string, readonly number[]>
}

/** Indexes the generated data for the planners. */
export function planContext(r: Random, start: number, end: number, data: { customers: DemoCustomer[]; orders: DemoOrder[]; stories: DemoStory[] }): PlanContext {
  const locales = new Map(data.customers.map((c) => [c.externalId, c.locale === 'en' ? 'en' as const : 'zh-CN' as const]))
  const orderTimes = new Map<string, number[]>()
  for (const o of data.orders) {
    const list = orderTimes.get(o.customerExternalId) ?? []
    list.push(Date.parse(o.occurredAt))
    orderTimes.set(o.customerExternalId, list)
  }
  return {
    r, start, end, customers: data.customers, orders: data.orders,
    stories: new Map(data.stories.map((s) => [s.externalId, s])),
    locale: (id) => locales.get(id) ?? 'zh-CN',
    orderTimes,
  }
}

/** Whether the customer ordered within `days` before `at`. */
export function orderedWithin(ctx: PlanContext, externalId: string, at: number, days: number): boolean {
  const times = ctx.orderTimes.get(externalId) ?? []
  return times.some((t) => t <= at && t > at - days * 86_400_000)
}
