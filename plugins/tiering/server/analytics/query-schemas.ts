/**
 * @module
 * Query parameters the analytics routes share, and the labels they answer with.
 */
import { z } from '@rapport/plugin-sdk'

/** An ISO date or date-time. */
export const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'An ISO-8601 date or date-time')
export const dimension = z.enum(['tier', 'ladder']).default('tier')
export const labels = z.object({ en: z.string(), 'zh-CN': z.string() })
