/**
 * @module
 * The campaign form's values and the request body, both ways: the dates are calendar days of the
 * business's time zone, the campaign runs from the first day's start to the start of the day after the last.
 */
import type { DayRange } from '@rapport/admin-kit'
import { dayOf, dayStartIso, nextDay, previousDay } from './business-day'
import type { Campaign, CampaignBody } from './campaign-api'

/** What the form holds. */
export type CampaignValues = {
  name: string; kind: 'multiplier' | 'bonus'; multiplier?: number | null; bonusPoints?: number | null; days: DayRange
  segmentId?: string | null; tiers?: string[]; channels?: string[]; categories?: string[]; firstOrder?: boolean
  budgetPoints?: number | null; active: boolean
}

const list = (values: string[] | undefined) => (values && values.length > 0 ? values : undefined)

/** @example toBody(form.getFieldsValue(), 'Asia/Shanghai') */
export function toBody(v: CampaignValues, timeZone: string): CampaignBody {
  const conditions = {
    ...(v.segmentId ? { segmentId: v.segmentId } : {}), ...(list(v.tiers) ? { tiers: v.tiers } : {}), ...(list(v.channels) ? { channels: v.channels } : {}),
    ...(list(v.categories) ? { categories: v.categories } : {}), ...(v.firstOrder ? { firstOrder: true } : {}),
  }
  return {
    name: v.name, kind: v.kind, ...(v.kind === 'multiplier' ? { multiplier: v.multiplier ?? undefined } : { bonusPoints: v.bonusPoints ?? undefined }),
    startsAt: dayStartIso(v.days[0], timeZone), endsAt: dayStartIso(nextDay(v.days[1]), timeZone),
    conditions, budgetPoints: v.budgetPoints ?? null, active: v.active,
  }
}

/** A new campaign's values: a week from today. @example initialValues('Asia/Shanghai', new Date()) */
export function initialValues(timeZone: string, now: Date): CampaignValues {
  const today = dayOf(now, timeZone)
  let last = today
  for (let i = 0; i < 6; i += 1) last = nextDay(last)
  return { name: '', kind: 'multiplier', multiplier: 2, days: [today, last], active: true, budgetPoints: null, firstOrder: false }
}

/** A stored campaign's values. @example valuesOf(campaign, 'Asia/Shanghai') */
export function valuesOf(c: Campaign, timeZone: string): CampaignValues {
  const c2 = c.conditions
  return {
    name: c.name, kind: c.kind, multiplier: c.multiplier ?? null, bonusPoints: c.bonusPoints ?? null,
    days: [dayOf(c.startsAt, timeZone), previousDay(dayOf(c.endsAt, timeZone))],
    segmentId: c2.segmentId ?? null, tiers: c2.tiers ?? [], channels: c2.channels ?? [], categories: c2.categories ?? [], firstOrder: c2.firstOrder ?? false,
    budgetPoints: c.budgetPoints, active: c.active,
  }
}
