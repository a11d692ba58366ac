/**
 * @module
 * The SLA part of the config: business-hours calendars, public-holiday sets (zh-CN by default,
 * with make-up working days), and policies by category, priority and customer tier with their
 * targets and escalation actions.
 */
import { configText, z } from '@rapport/plugin-sdk'
import { IANAZone } from 'luxon'
import { priorities } from '../../shared/schemas.js'
import { zhCnHolidays, zhCnWorkdays } from './holidays-zh-cn.js'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 00:00 to 24:00')
const range = z.tuple([hhmm, hhmm]).refine(([s, e]) => s < e, 'a range ends after it starts')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
// Several intervals a day (a lunch break) may not overlap: the clock would count the overlap twice.
const dayHours = z.array(range).max(4).superRefine((ranges, issue) => {
  const sorted = ranges.map((r, i) => ({ r, i })).sort((a, b) => (a.r[0] < b.r[0] ? -1 : 1))
  for (let k = 1; k < sorted.length; k += 1) {
    if (sorted[k]!.r[0] < sorted[k - 1]!.r[1]) issue.addIssue({ code: 'custom', path: [sorted[k]!.i], message: 'ranges of a day may not overlap' })
  }
})
const workWeek = [['09:00', '18:00']] as [string, string][]

/** A set of public holidays and make-up working days (调休), as local dates. */
export const holidaySet = z.object({ holidays: z.array(isoDate).max(400), workdays: z.array(isoDate).max(200).default([]) })

/** Working hours in a time zone, with a holiday set and local exceptions. */
export const calendarConfig = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone such as Asia/Shanghai'),
  weekly: z.object({
    mon: dayHours.default(workWeek), tue: dayHours.default(workWeek), wed: dayHours.default(workWeek), thu: dayHours.default(workWeek),
    fri: dayHours.default(workWeek), sat: dayHours.default([]), sun: dayHours.default([]),
  }).default({ mon: workWeek, tue: workWeek, wed: workWeek, thu: workWeek, fri: workWeek, sat: [], sun: [] })
    .refine((w) => Object.values(w).some((ranges) => ranges.length > 0), 'at least one day has working hours'),
  /** A key of `holidaySets`, or null for none. */
  holidays: z.string().nullable().default('zh-CN'),
  /** Hours of a make-up working day; Monday's when absent. */
  makeUpHours: dayHours.optional(),
  extraDaysOff: z.array(isoDate).max(400).default([]),
  extraWorkdays: z.array(isoDate).max(200).default([]),
})

const target = z.number().int().min(1).max(525_600)
const action = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notify') }),
  z.object({ type: z.literal('reassign'), assigneeId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('raisePriority') }),
])
const tierId = z.enum(['diamond', 'silver', 'bronze', 'iron'])

/** One SLA policy: which cases it takes (all when a list is absent), its calendar, targets and escalations. */
export const slaPolicy = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Category ids; a case in a sub-category of one matches too. */
  categories: z.array(z.string()).optional(),
  priorities: z.array(z.enum(priorities)).optional(),
  /** Customer tiers (the tiering plugin's `tiering.tier`); a customer without a tier matches only a policy without `tiers`. */
  tiers: z.array(tierId).optional(),
  calendar: z.string().default('default'),
  /** Business minutes. */
  firstResponseMinutes: target, nextUpdateMinutes: target, resolutionMinutes: target,
  /** Share of a target after which it is in warning. */
  warningPercent: z.number().int().min(1).max(99).default(80),
  escalation: z.object({ warning: z.array(action).max(5).default([{ type: 'notify' }]), breached: z.array(action).max(5).default([{ type: 'notify' }]) }).default({ warning: [{ type: 'notify' }], breached: [{ type: 'notify' }] }),
})

/** An escalation action. */
export type EscalationAction = z.infer<typeof action>
/** A validated policy. */
export type SlaPolicy = z.infer<typeof slaPolicy>
/** A validated calendar. */
export type CalendarConfig = z.infer<typeof calendarConfig>

const defaultPolicies: z.input<typeof slaPolicy>[] = [
  { id: 'urgent', priorities: ['urgent'], firstResponseMinutes: 30, nextUpdateMinutes: 120, resolutionMinutes: 480 },
  { id: 'vip', tiers: ['diamond'], firstResponseMinutes: 60, nextUpdateMinutes: 240, resolutionMinutes: 960 },
  { id: 'standard', firstResponseMinutes: 240, nextUpdateMinutes: 1_440, resolutionMinutes: 2_880 },
]

/** The `sla` config key. */
export const slaConfig = z.object({
  holidaySets: z.record(z.string(), holidaySet).default({ 'zh-CN': { holidays: [...zhCnHolidays], workdays: [...zhCnWorkdays] } }).meta(configText(['Holiday sets', '节假日安排'], ['Public holidays and make-up working days (调休) by set, as dates (YYYY-MM-DD).', '按套列出的公共假日和调休工作日，日期格式 YYYY-MM-DD。'])),
  calendars: z.array(calendarConfig).min(1).default([{ id: 'default', timeZone: 'Asia/Shanghai', weekly: { mon: workWeek, tue: workWeek, wed: workWeek, thu: workWeek, fri: workWeek, sat: [], sun: [] }, holidays: 'zh-CN', extraDaysOff: [], extraWorkdays: [] }]).meta(configText(['Business-hours calendars', '工作时间日历'], ['Working hours per weekday in a time zone, with a holiday set and local days off or workdays.', '某时区内每个工作日的工作时间，含节假日安排及本地的额外休息日或工作日。'])),
  /** First match wins; the last one should take every case. */
  policies: z.array(slaPolicy).min(1).default(defaultPolicies.map((p) => slaPolicy.parse(p))).meta(configText(['Policies', '策略'], ['Which cases each policy takes, its calendar and its targets in business minutes; the first match wins, the last should take every case.', '每条策略适用的投诉、所用日历及以工作分钟计的时限；按顺序匹配，最后一条应适用所有投诉。'])),
}).superRefine((sla, issue) => {
  const calendars = new Set(sla.calendars.map((c) => c.id))
  if (calendars.size !== sla.calendars.length) issue.addIssue({ code: 'custom', path: ['calendars'], message: 'calendar ids must be unique' })
  sla.calendars.forEach((c, i) => {
    if (c.holidays !== null && !(c.holidays in sla.holidaySets)) issue.addIssue({ code: 'custom', path: ['calendars', i, 'holidays'], message: `no holiday set ${c.holidays}` })
  })
  sla.policies.forEach((p, i) => {
    if (!calendars.has(p.calendar)) issue.addIssue({ code: 'custom', path: ['policies', i, 'calendar'], message: `no calendar ${p.calendar}` })
  })
  if (new Set(sla.policies.map((p) => p.id)).size !== sla.policies.length) issue.addIssue({ code: 'custom', path: ['policies'], message: 'policy ids must be unique' })
})

/** The validated `sla` config. */
export type SlaConfig = z.infer<typeof slaConfig>
