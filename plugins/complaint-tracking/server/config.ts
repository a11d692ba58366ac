/**
 * @module
 * The plugin's configuration: the category tree and the reopen window.
 */
import { configText, z } from '@rapport/plugin-sdk'
import { priorities } from '../shared/schemas.js'
import { customFieldsConfig } from './cases/custom-fields-config.js'
import { defaultVisits, visitsConfig } from './follow-ups/visit-config.js'
import { slaConfig } from './sla/sla-config.js'

const categoryId = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/)

/** One node of the category tree; `parent` names another node (none for a root). */
export const categoryNode = z.object({ id: categoryId, label: z.string().min(1).max(100), parent: categoryId.optional() })

const defaultCategories = [
  { id: 'product', label: 'Product' },
  { id: 'product.quality', label: 'Quality', parent: 'product' },
  { id: 'product.wrong-item', label: 'Wrong item', parent: 'product' },
  { id: 'service', label: 'Service' },
  { id: 'service.staff', label: 'Staff behaviour', parent: 'service' },
  { id: 'service.waiting', label: 'Waiting time', parent: 'service' },
  { id: 'delivery', label: 'Delivery' },
  { id: 'delivery.late', label: 'Late', parent: 'delivery' },
  { id: 'delivery.damaged', label: 'Damaged', parent: 'delivery' },
  { id: 'billing', label: 'Billing' },
  { id: 'other', label: 'Other' },
]

/**
 * Settings of complaint-tracking.
 * @example complaintsConfig.parse({}) // { categories: [...], reopenWindowDays: 14 }
 */
export const complaintsConfig = z.object({
  /** The category tree, flat: each node names its parent; a case takes any node's id. */
  categories: z.array(categoryNode).min(1).default(defaultCategories).refine((nodes) => {
    const ids = new Set(nodes.map((n) => n.id))
    return ids.size === nodes.length && nodes.every((n) => n.parent === undefined || (ids.has(n.parent) && n.parent !== n.id))
  }, 'category ids must be unique and every parent must exist').meta(configText(['Categories', '投诉类别'], ['The category tree, flat: each node has an id, a label and the id of its parent (none for a top category).', '扁平的类别树：每个节点有 id、名称和上级节点的 id（顶级类别没有上级）。'])),
  /** Days after a case is resolved during which it can be reopened. */
  reopenWindowDays: z.number().int().min(0).max(365).default(14).meta(configText(['Reopen within (days)', '可重开天数'], ['Days after a case is resolved during which it can be reopened.', '投诉解决后可重新打开的天数。'])),
  /** Calendars, holiday sets and policies of the SLA clocks. */
  sla: slaConfig.default(slaConfig.parse({})).meta(configText(['Service levels (SLA)', '服务时限（SLA）'], ['Business-hours calendars, holiday sets and the policies of the response and resolution clocks.', '工作时间日历、节假日安排以及响应和解决时限的策略。'])),
  /** Days after resolving when a follow-up visit (回访) is due; 0: no follow-up visits. */
  followUpAfterDays: z.number().int().min(0).max(90).default(3).meta(configText(['Follow-up visit after (days)', '回访时间（解决后天数）'], ['Days after resolving when a follow-up visit (回访) is due; 0: no follow-up visits.', '投诉解决后多少天进行回访；0 表示不回访。'])),
  /** Extra fields of a case, per category, with labels in zh-CN and en. */
  customFields: customFieldsConfig.meta(configText(['Custom fields', '自定义字段'], ['Extra fields of a case, per category, with labels in zh-CN and en.', '按类别为投诉添加的额外字段，带中英文名称。'])),
  /** How follow-up visits are worked: retries, "not satisfied", call scripts, visit plans. */
  visits: visitsConfig.default(defaultVisits).meta(configText(['Follow-up visits (回访)', '回访'], ['How follow-up visits are worked: retries, a "not satisfied" answer, call scripts and visit plans.', '回访的执行方式：重拨、“不满意”的处理、通话话术和回访计划。'])),
  /** Most goodwill points one resolution may grant. */
  maxGoodwillPoints: z.number().int().min(1).max(1_000_000).default(5_000).meta(configText(['Most goodwill points per resolution', '每次解决最多补偿积分'])),
  /** Open a follow-up case when satisfaction-survey reports a detractor (`survey.detractor`). */
  openCaseOnDetractor: z.boolean().default(false).meta(configText(['Open a case for detractors', '为贬损者创建投诉'], ['When a survey answer marks the customer a detractor (a low NPS score).', '当问卷回答显示客户为贬损者（NPS 低分）时。'])),
  /** Category and priority of a case opened for a detractor. */
  detractorCase: z.object({ category: categoryId.default('other').meta(configText(['Category', '类别'], ['The id of one of the categories above.', '上方某个类别的 id。'])), priority: z.enum(priorities).default('high').meta(configText(['Priority', '优先级'], undefined, { low: ['Low', '低'], normal: ['Normal', '普通'], high: ['High', '高'], urgent: ['Urgent', '紧急'] })) }).default({ category: 'other', priority: 'high' }).meta(configText(['Case for a detractor', '贬损者投诉'])),
  /** The anonymous public complaint form. */
  publicForm: z.object({
    enabled: z.boolean().default(true).meta(configText(['Public form on', '启用公开表单'])),
    /** Submissions accepted per address per hour. */
    perAddressPerHour: z.number().int().min(1).max(1_000).default(5).meta(configText(['Submissions per address per hour', '每个地址每小时提交数'])),
  }).default({ enabled: true, perAddressPerHour: 5 }).meta(configText(['Public complaint form', '公开投诉表单'], ['The form anyone can file a complaint with, without signing in.', '无需登录即可提交投诉的表单。'])),
  /** Limits of files attached to a case. */
  attachments: z.object({
    maxBytes: z.number().int().min(1).max(5_000_000).default(2_000_000).meta(configText(['Largest file (bytes)', '单个文件上限（字节）'])),
    maxPerCase: z.number().int().min(0).max(20).default(5).meta(configText(['Files per case', '每个投诉的文件数'])),
    types: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1).default(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain']).meta(configText(['File types (MIME)', '文件类型（MIME）'])),
  }).default({ maxBytes: 2_000_000, maxPerCase: 5, types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain'] }).meta(configText(['Attachments', '附件'], ['Limits of the files attached to a case.', '投诉附件的限制。'])),
}).superRefine((c, issue) => {
  if (c.openCaseOnDetractor && !c.categories.some((n) => n.id === c.detractorCase.category)) issue.addIssue({ code: 'custom', path: ['detractorCase', 'category'], message: `no category ${c.detractorCase.category}` })
  if (!c.sla.calendars.some((cal) => cal.id === c.visits.calendar)) issue.addIssue({ code: 'custom', path: ['visits', 'calendar'], message: `no calendar ${c.visits.calendar}` })
})

/** The validated config. @example const c: ComplaintsConfig = complaintsConfig.parse({}) */
export type ComplaintsConfig = z.infer<typeof complaintsConfig>
