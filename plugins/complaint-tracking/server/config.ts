/**
 * @module
 * The plugin's configuration: the category tree and the reopen window.
 */
import { z } from '@rapport/plugin-sdk'

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
})

/** The validated config. @example const c: ComplaintsConfig = complaintsConfig.parse({}) */
export type ComplaintsConfig = z.infer<typeof complaintsConfig>
