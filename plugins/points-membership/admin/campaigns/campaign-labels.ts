/**
 * @module
 * How a campaign reads in a list or a calendar: its reward, its dates and its state's colour.
 */
import type { PluginT } from '@rapport/admin-kit'
import { dayOf, previousDay } from './business-day'
import type { Campaign } from './campaign-api'

/** `× 2` or `+50 pts`. @example rewardText(t, campaign, 'en') */
export const rewardText = (t: PluginT, c: Campaign, language: string): string =>
  c.kind === 'multiplier'
    ? t('campaigns.multiplierValue', { value: (c.multiplier ?? 1).toLocaleString(language) })
    : t('campaigns.bonusValue', { value: (c.bonusPoints ?? 0).toLocaleString(language) })

/** The first and last calendar day of the campaign in the business's time zone. @example campaignDays(c, 'Asia/Shanghai') // ['2026-12-01', '2026-12-07'] */
export const campaignDays = (c: Campaign, timeZone: string): [string, string] => {
  const first = dayOf(c.startsAt, timeZone)
  const last = previousDay(dayOf(c.endsAt, timeZone))
  return [first, last < first ? first : last]
}

/** antd Tag colours by state. */
export const STATE_COLOURS: Record<Campaign['state'], string> = { scheduled: 'blue', running: 'green', ended: 'default', paused: 'orange', exhausted: 'red' }
