/**
 * @module
 * The `customFields` part of the config: extra fields of a case, per category (a field of
 * `product` shows on `product.quality` too), with labels in zh-CN and en.
 */
import { z } from '@rapport/plugin-sdk'

const label = z.object({ 'zh-CN': z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) })

/** One custom field. `categories` empty: every case. */
export const customField = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'camelCase, letters and digits'),
  label,
  type: z.enum(['text', 'number', 'select', 'date']),
  /** The choices of a `select` field. */
  options: z.array(z.object({ value: z.string().min(1).max(60), label })).max(50).default([]),
  categories: z.array(z.string()).max(100).default([]),
  /** `toResolve`: a case is not resolved without it; `toFile`: not filed by staff (the admin's form or the API) without it either; customers and automatic intake are not held back, the case waits for it to be resolved. */
  required: z.enum(['no', 'toResolve', 'toFile']).default('no'),
}).refine((f) => f.type !== 'select' || f.options.length > 0, { message: 'a select field needs options', path: ['options'] })

/** A validated custom field. */
export type CustomField = z.infer<typeof customField>

/** The `customFields` config key: keys unique. */
export const customFieldsConfig = z.array(customField).max(50).default([])
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, 'field keys must be unique')

/** The fields a case of a category takes (shared with the admin). */
export { fieldsFor } from '../../shared/fields-for.js'
