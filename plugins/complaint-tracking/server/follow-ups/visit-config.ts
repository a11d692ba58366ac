/**
 * @module
 * The `visits` part of the config: how follow-up visits (回访) are worked. The retry schedule in
 * business minutes on an SLA calendar, what a "not satisfied" answer does to the case, call
 * scripts per category (zh-CN and en), and visit plans beyond complaints.
 */
import { configText, z } from '@rapport/plugin-sdk'

const categoryId = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/)
const planId = z.string().regex(/^[a-z][a-z0-9-]*$/)
const owner = z.string().min(1).max(100)

/** A call script in both languages. */
export const callScript = z.object({ 'zh-CN': z.string().trim().min(1).max(4_000).meta(configText(['Chinese', '中文'])), en: z.string().trim().min(1).max(4_000).meta(configText(['English', '英文'])) })

/** A plan that makes visits for a segment's customers once per period (`everyMonths`, business calendar months). */
const segmentPlan = z.object({
  id: planId, label: z.string().min(1).max(100), kind: z.literal('segment'),
  segmentId: z.string().min(1).max(64), everyMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]).default(3),
  ownerId: owner.optional(), script: callScript.optional(),
})
/** A plan that makes one visit for each new customer, `afterDays` after their first order. */
const firstOrderPlan = z.object({
  id: planId, label: z.string().min(1).max(100), kind: z.literal('firstOrder'),
  afterDays: z.number().int().min(0).max(90).default(7),
  ownerId: owner.optional(), script: callScript.optional(),
})

/** A visit plan. */
export const visitPlan = z.discriminatedUnion('kind', [segmentPlan, firstOrderPlan])
/** A validated visit plan. */
export type VisitPlan = z.infer<typeof visitPlan>

const defaultScript = {
  'zh-CN': '您好，这里是客服中心，就您之前反映的问题做个回访。请问问题现在解决了吗？您对我们的处理满意吗？还有什么需要我们改进的地方吗？',
  en: 'Hello, this is customer care following up on the issue you reported. Is it solved now? Are you satisfied with how we handled it? Is there anything we could do better?',
}
const defaultRetries = [120, 480, 1_440]

/** The `visits` config key. */
export const visitsConfig = z.object({
  /** The SLA calendar (its id) whose business hours the retry schedule counts. */
  calendar: z.string().default('default').meta(configText(['Calendar of the retries', '重拨所用日历'], ['The id of the business-hours calendar the retry schedule counts in.', '重拨时间表所用工作时间日历的 id。'])),
  /** Business minutes before the next try after each unanswered call; once used up the visit is unreachable. */
  retryAfterMinutes: z.array(z.number().int().min(1).max(525_600)).max(10).default(defaultRetries).meta(configText(['Retry after (business minutes)', '重拨间隔（工作分钟）'], ['Before each next try after an unanswered call; once used up, the visit is unreachable.', '每次未接通后再次拨打前的间隔；用完后回访记为无法联系。'])),
  /** What a "not satisfied" answer does to a resolved case: reopen it (or escalate when it can no longer reopen), escalate it, or nothing. */
  onNotSatisfied: z.enum(['reopen', 'escalate', 'none']).default('reopen').meta(configText(['When the customer is not satisfied', '客户不满意时'], undefined, { reopen: ['Reopen the case (escalate when it can no longer reopen)', '重新打开投诉（无法重开时升级）'], escalate: ['Escalate the case', '升级投诉'], none: ['Nothing', '不处理'] })),
  /** The script for a category without its own. */
  defaultScript: callScript.default(defaultScript).meta(configText(['Default call script', '默认通话话术'], ['For a category without its own.', '用于没有专属话术的类别。'])),
  /** Scripts by category; a sub-category takes its nearest ancestor's. */
  scripts: z.array(z.object({ category: categoryId, script: callScript })).max(100).default([]).meta(configText(['Call scripts by category', '按类别的通话话术'], ['A sub-category takes its nearest ancestor\'s.', '子类别使用最近上级的话术。'])),
  /** Visit plans beyond complaints. */
  plans: z.array(visitPlan).max(20).default([]).meta(configText(['Visit plans', '回访计划'], ['Visits beyond complaints: a segment\'s customers every 1, 3, 6 or 12 months, or each new customer some days after the first order.', '投诉之外的回访：每 1、3、6 或 12 个月回访某分群的客户，或在新客户首单后若干天回访。'])),
}).refine((v) => new Set(v.plans.map((p) => p.id)).size === v.plans.length, { message: 'plan ids must be unique', path: ['plans'] })

/** The validated `visits` config. */
export type VisitsConfig = z.infer<typeof visitsConfig>

/** The defaults, for `.default(...)`. */
export const defaultVisits: VisitsConfig = { calendar: 'default', retryAfterMinutes: defaultRetries, onNotSatisfied: 'reopen', defaultScript, scripts: [], plans: [] }
