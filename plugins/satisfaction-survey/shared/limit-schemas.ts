/**
 * @module
 * A survey's response limits, shared by the server and the builder: caps (responses in total and
 * per business day), sampling (the share of eligible customers invited, the same customers every
 * time) and quotas (at most `max` completed responses per value of an answer or a profile field,
 * e.g. 50 per tier; `maxByValue` sets another cap for some values).
 */
import { z } from '@rapport/plugin-sdk'

/** One quota: its cells are the values of one answer or one profile field. */
export const quotaSchema = z.strictObject({
  source: z.enum(['answer', 'profile']),
  /** The question name (`answer`) or the profile field, e.g. `tiering.tier` (`profile`). */
  key: z.string().trim().min(1).max(100),
  max: z.int().min(1).max(1_000_000),
  maxByValue: z.record(z.string().min(1).max(100), z.int().min(0).max(1_000_000)).default({}),
})

/** `PUT /surveys/{id}/limits`: null or an empty list turns a limit off. */
export const surveyLimitsSchema = z.strictObject({
  maxResponses: z.int().min(1).max(10_000_000).nullable().default(null),
  maxPerDay: z.int().min(1).max(1_000_000).nullable().default(null),
  /** Percent of eligible customers invited (1–100); null: all of them. */
  samplePercent: z.int().min(1).max(100).nullable().default(null),
  quotas: z.array(quotaSchema).max(10).default([]),
}).openapi('SurveyLimits')

/**
 * The settings with how many completed responses each counted cell holds. Its own object, not an
 * `extend` of the strict input: OpenAPI would render that as allOf with the input's
 * `additionalProperties: false`, which no answer can satisfy.
 */
export const surveyLimitsView = z.object({
  ...surveyLimitsSchema.shape,
  counts: z.object({
    total: z.int(), today: z.int(),
    quotas: z.array(z.object({ source: z.enum(['answer', 'profile']), key: z.string(), value: z.string(), count: z.int(), max: z.int() })),
  }),
}).openapi('SurveyLimitsView')

/** Validated limits. */
export type SurveyLimits = z.infer<typeof surveyLimitsSchema>
/** One quota. */
export type Quota = z.infer<typeof quotaSchema>
