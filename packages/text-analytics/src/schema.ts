/**
 * @module
 * The response shape of a feedback summary, for the routes that serve one (survey comments,
 * complaint texts). A separate entry, so that reading texts does not load zod.
 */
import { z } from '@hono/zod-openapi'

const sentiment = z.enum(['positive', 'neutral', 'negative'])
const counts = { positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }

/** `summariseFeedback`'s result, plus how many texts were read and whether the newest cap cut it. */
export const feedbackSummarySchema = z
  .object({
    total: z.number().int().openapi({ description: 'Texts read (non-empty)' }),
    ...counts,
    themes: z.array(
      z.object({
        theme: z.enum(['delivery', 'product', 'price', 'service', 'waiting', 'refund', 'app', 'store', 'points']),
        label: z.object({ 'zh-CN': z.string(), en: z.string() }),
        count: z.number().int(),
        ...counts,
        examples: z.array(z.object({ text: z.string(), sentiment })).max(3),
      }),
    ),
    capped: z.boolean().openapi({ description: 'True when only the newest texts of the range were read' }),
  })
  .openapi('FeedbackSummary', {
    example: {
      total: 2, positive: 0, neutral: 0, negative: 2, capped: false,
      themes: [{ theme: 'delivery', label: { 'zh-CN': '物流配送', en: 'Delivery' }, count: 2, positive: 0, neutral: 0, negative: 2, examples: [{ text: '物流太慢了', sentiment: 'negative' }] }],
    },
  })
