/**
 * @module
 * The HTTP shapes of the analytics routes and the dashboard widget, shared by the server and the admin.
 */
import { z } from '@rapport/plugin-sdk'

/** NPS over a set of responses: promoters 9–10, passives 7–8, detractors 0–6; `nps` and its 95% margin of error are null with no responses. */
export const npsSummarySchema = z.object({
  nps: z.number().nullable(), marginOfError: z.number().nullable(), responses: z.number().int(),
  promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(),
}).openapi('NpsSummary')

/** One bucket of a trend: `period` is the local date of its first day. */
export const npsPeriodSchema = npsSummarySchema.extend({ period: z.string() })

/** `GET /analytics/nps`. */
export const npsTrendSchema = z.object({
  from: z.string(), to: z.string(), timeZone: z.string(), bucket: z.enum(['day', 'week', 'month']),
  overall: npsSummarySchema, trend: z.array(npsPeriodSchema),
}).openapi('NpsTrend')

/** `GET /analytics/nps/segments`. */
export const npsSegmentsSchema = z.object({
  by: z.string(), field: z.string().nullable(), fieldSource: z.enum(['snapshot', 'current']).nullable(),
  segments: z.array(npsSummarySchema.extend({ key: z.string().nullable(), label: z.string().nullable() })),
}).openapi('NpsSegments')

const scoreSummary = z.object({ responses: z.number().int(), average: z.number().nullable(), distribution: z.array(z.object({ score: z.number().int(), count: z.number().int() })) })

/** `GET /analytics/scores`. */
export const scoresSchema = z.object({ nps: scoreSummary, csat: scoreSummary, ces: scoreSummary }).openapi('ScoreDistributions')

const valueSchema = z.union([z.string(), z.number()])

/** One question's summary; which optional parts are present depends on its type. */
export const questionSummarySchema = z.object({
  name: z.string(), type: z.string(), title: z.unknown(), answered: z.number().int(),
  choices: z.array(z.object({ value: valueSchema, count: z.number().int() })).optional(),
  average: z.number().nullable().optional(),
  histogram: z.array(z.object({ value: z.number(), count: z.number().int() })).optional(),
  counts: z.object({ true: z.number().int(), false: z.number().int() }).optional(),
  cells: z.array(z.object({ row: valueSchema, column: valueSchema, count: z.number().int() })).optional(),
  ranking: z.array(z.object({ value: valueSchema, averagePosition: z.number(), count: z.number().int() })).optional(),
}).openapi('QuestionSummary')

/** `GET /analytics/questions`. */
export const questionSummariesSchema = z.object({ surveyId: z.string(), version: z.number().int(), responses: z.number().int(), questions: z.array(questionSummarySchema) })

/** `GET /analytics/texts`. */
export const textAnswersSchema = z.object({
  items: z.array(z.object({ responseId: z.string(), customerId: z.string().nullable(), version: z.number().int(), completedAt: z.string(), text: z.string() })),
  nextCursor: z.string().nullable(),
})

const byStatus = <T extends z.ZodType>(v: T) => z.object({ created: v, opened: v, partial: v, completed: v, expired: v })

/** `GET /analytics/invitations`. */
export const invitationRatesSchema = z.object({
  total: z.number().int(), counts: byStatus(z.number().int()), rates: byStatus(z.number().nullable()), openRate: z.number().nullable(), responseRate: z.number().nullable(),
})

/** `GET /analytics/drop-off`. */
export const dropOffSchema = z.object({
  surveyId: z.string(), version: z.number().int(), started: z.number().int(), partial: z.number().int(), completed: z.number().int(), noAnswer: z.number().int(),
  questions: z.array(z.object({ name: z.string(), type: z.string(), title: z.unknown(), position: z.number().int(), answered: z.number().int(), stoppedAfter: z.number().int() })),
})

/** The dashboard widget `nps`. */
export type NpsWidgetData = {
  nps: number | null; marginOfError: number | null; responses: number; promoters: number; passives: number; detractors: number
  avgCsat: number | null
  /** `period` is YYYY-MM-DD, the first day of the bucket (weeks when the range is over 62 days, else days). */
  trend: Array<{ period: string; nps: number | null; responses: number }>
}

/** NPS with its 95% interval, `low`–`high` (−100…100), from the variance of the −1 / 0 / +1 coding. */
export const npsEstimateSchema = npsSummarySchema.extend({ low: z.number().nullable(), high: z.number().nullable() })

/** A top-2-box share (0–1; CSAT 4–5, CES 6–7) with its 95% Wilson interval, the count in the box and the average score. */
export const boxEstimateSchema = z.object({
  responses: z.number().int(), topBox: z.number().int(), share: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), average: z.number().nullable(),
}).openapi('TopBoxEstimate')

/** One group's NPS, CSAT and CES. `key` is null for answers without a value of the field. */
export const groupEstimatesSchema = z.object({
  key: z.string().nullable(), label: z.string().nullable(), nps: npsEstimateSchema, csat: boxEstimateSchema, ces: boxEstimateSchema,
})

/** `GET /analytics/breakdown`. */
export const breakdownSchema = z.object({
  from: z.string(), to: z.string(), by: z.string(), field: z.string().nullable(), groups: z.array(groupEstimatesSchema),
}).openapi('ScoreBreakdown')

/** A two-sided test of `a − b` (NPS in points, shares as 0–1); null parts when a side has no answers or no variance. */
export const differenceTestSchema = z.object({
  method: z.enum(['nps-difference', 'two-proportion']), difference: z.number().nullable(), z: z.number().nullable(), pValue: z.number().nullable(),
  significant: z.boolean().openapi({ description: 'p < 0.05' }), smallSample: z.boolean().openapi({ description: 'A side has fewer than 30 answers' }),
}).openapi('DifferenceTest')

/** `GET /analytics/compare`. */
export const comparisonSchema = z.object({
  against: z.enum(['previous', 'group']),
  a: groupEstimatesSchema.extend({ from: z.string(), to: z.string() }),
  b: groupEstimatesSchema.extend({ from: z.string(), to: z.string() }),
  tests: z.object({ nps: differenceTestSchema, csat: differenceTestSchema, ces: differenceTestSchema }),
}).openapi('ScoreComparison')

/** Shapes of the analysis routes, for the admin. */
export type Breakdown = z.infer<typeof breakdownSchema>
export type GroupEstimatesView = z.infer<typeof groupEstimatesSchema>
export type Comparison = z.infer<typeof comparisonSchema>
export type DifferenceTestView = z.infer<typeof differenceTestSchema>
