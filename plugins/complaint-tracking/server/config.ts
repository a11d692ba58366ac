/**
 * @module
 * The plugin's configuration: the category tree and the reopen window.
 */
import { z } from '@rapport/plugin-sdk'
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
  }, 'category ids must be unique and every parent must exist'),
  /** Days after a case is resolved during which it can be reopened. */
  reopenWindowDays: z.number().int().min(0).max(365).default(14),
  /** Calendars, holiday sets and policies of the SLA clocks. */
  sla: slaConfig.default(slaConfig.parse({})),
  /** Days after resolving when a follow-up visit (回访) is due; 0: no follow-up visits. */
  followUpAfterDays: z.number().int().min(0).max(90).default(3),
  /** Extra fields of a case, per category, with labels in zh-CN and en. */
  customFields: customFieldsConfig,
  /** How follow-up visits are worked: retries, "not satisfied", call scripts, visit plans. */
  visits: visitsConfig.default(defaultVisits),
  /** Most goodwill points one resolution may grant. */
  maxGoodwillPoints: z.number().int().min(1).max(1_000_000).default(5_000),
  /** Open a follow-up case when satisfaction-survey reports a detractor (`survey.detractor`). */
  openCaseOnDetractor: z.boolean().default(false),
  /** Category and priority of a case opened for a detractor. */
  detractorCase: z.object({ category: categoryId.default('other'), priority: z.enum(priorities).default('high') }).default({ category: 'other', priority: 'high' }),
  /** The anonymous public complaint form. */
  publicForm: z.object({
    enabled: z.boolean().default(true),
    /** Submissions accepted per address per hour. */
    perAddressPerHour: z.number().int().min(1).max(1_000).default(5),
  }).default({ enabled: true, perAddressPerHour: 5 }),
  /** Limits of files attached to a case. */
  attachments: z.object({
    maxBytes: z.number().int().min(1).max(5_000_000).default(2_000_000),
    maxPerCase: z.number().int().min(0).max(20).default(5),
    types: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1).default(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain']),
  }).default({ maxBytes: 2_000_000, maxPerCase: 5, types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain'] }),
}).superRefine((c, issue) => {
  if (c.openCaseOnDetractor && !c.categories.some((n) => n.id === c.detractorCase.category)) issue.addIssue({ code: 'custom', path: ['detractorCase', 'category'], message: `no category ${c.detractorCase.category}` })
  if (!c.sla.calendars.some((cal) => cal.id === c.visits.calendar)) issue.addIssue({ code: 'custom', path: ['visits', 'calendar'], message: `no calendar ${c.visits.calendar}` })
})

/** The validated config. @example const c: ComplaintsConfig = complaintsConfig.parse({}) */
export type ComplaintsConfig = z.infer<typeof complaintsConfig>
