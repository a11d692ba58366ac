/**
 * @module
 * The HTTP shapes of satisfaction-survey, shared by the server and the admin and customer pages.
 */
import { z } from '@rapport/plugin-sdk'

/** Locales a survey can be offered in (SurveyJS spells zh-CN as `zh-cn` inside localizable strings). */
export const surveyLocales = ['zh-CN', 'en'] as const
/** Which kind of score a rating question carries. */
export const scoreKinds = ['nps', 'csat', 'ces'] as const
/** A score kind. */
export type ScoreKind = (typeof scoreKinds)[number]
/** Invitation states: created → opened → partial → completed / expired. */
export const invitationStatuses = ['created', 'opened', 'partial', 'completed', 'expired'] as const
/** An invitation state. */
export type InvitationStatus = (typeof invitationStatuses)[number]

const questionName = z.string().min(1).max(200)

/** Brand colour and logo shown on the customer page. */
export const themeSchema = z.strictObject({
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f6feb').optional(),
  logoUrl: z.url({ protocol: /^https?$/ }).max(2_000).optional(),
}).openapi('SurveyTheme')

/** Which rating question holds the NPS (0–10), CSAT (1–5) and CES (1–7) score. */
export const scoresSchema = z.strictObject({ nps: questionName.optional(), csat: questionName.optional(), ces: questionName.optional() }).openapi('SurveyScores')

/** Invitations created by an event: N days after `order.completed`, or on `complaint.resolved`. */
export const triggerSchema = z.strictObject({
  on: z.enum(['order.completed', 'complaint.resolved']),
  delayDays: z.number().int().min(0).max(365).default(0),
  /** A saved segment (core's Segments page): only its customers are invited. */
  segmentId: z.string().min(1).max(64).optional(),
})

/** The anonymous public link of a survey. */
export const publicLinkSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** One response per browser (client id cookie or token). */
  oneResponsePerClient: z.boolean().default(true),
  /** Leading zero bits a proof-of-work must have; 0 turns it off. */
  proofOfWorkBits: z.number().int().min(0).max(24).default(0),
})

/** What the draft of a survey holds (and a published version freezes, but for distribution). */
export const draftFields = {
  name: z.string().trim().min(1).max(200),
  json: z.record(z.string(), z.unknown()),
  locales: z.array(z.enum(surveyLocales)).min(1).refine((l) => new Set(l).size === l.length, 'locales must be unique'),
  defaultLocale: z.enum(surveyLocales),
  theme: themeSchema,
  scores: scoresSchema,
}

/** `POST /surveys`: from a template (`templateId`) or from SurveyJS JSON. */
export const createSurveyRequest = z.strictObject({
  name: draftFields.name,
  templateId: z.string().min(1).max(60).optional(),
  json: draftFields.json.optional(),
  locales: draftFields.locales.optional(),
  defaultLocale: draftFields.defaultLocale.optional(),
  theme: themeSchema.optional(),
  scores: scoresSchema.optional(),
  triggers: z.array(triggerSchema).max(10).optional(),
  publicLink: publicLinkSchema.optional(),
}).refine((b) => !(b.templateId && b.json), { message: 'give either templateId or json', path: ['json'] }).openapi('CreateSurveyRequest')

/** `PUT /surveys/{id}`: changes the draft and the distribution settings; omitted keys stay. */
export const updateSurveyRequest = z.strictObject({
  name: draftFields.name.optional(),
  json: draftFields.json.optional(),
  locales: draftFields.locales.optional(),
  defaultLocale: draftFields.defaultLocale.optional(),
  theme: themeSchema.optional(),
  scores: scoresSchema.optional(),
  triggers: z.array(triggerSchema).max(10).optional(),
  publicLink: publicLinkSchema.optional(),
}).openapi('UpdateSurveyRequest')

/** One published version as staff see it. */
export const versionSchema = z.object({
  id: z.string(), surveyId: z.string(), version: z.number().int(), json: z.record(z.string(), z.unknown()),
  locales: z.array(z.string()), defaultLocale: z.string(), theme: themeSchema, scores: scoresSchema, publishedAt: z.string(),
}).openapi('SurveyVersion')

/** A survey: its draft, distribution settings and latest published version number. */
export const surveySchema = z.object({
  id: z.string(), name: z.string(), status: z.enum(['draft', 'published', 'archived']),
  json: z.record(z.string(), z.unknown()), locales: z.array(z.string()), defaultLocale: z.string(),
  theme: themeSchema, scores: scoresSchema, triggers: z.array(triggerSchema), publicLink: publicLinkSchema,
  publicToken: z.string().nullable(), latestVersion: z.number().int().nullable(), draftChanged: z.boolean(),
  createdAt: z.string(), updatedAt: z.string(), archivedAt: z.string().nullable(),
}).openapi('Survey')

/** `GET /surveys`. */
export const surveyListSchema = z.object({ items: z.array(surveySchema) })
/** `GET /surveys` filters. */
export const surveyQuery = z.object({ status: z.enum(['draft', 'published', 'archived']).optional() })
/** `{id}` path parameter. */
export const idParams = z.object({ id: z.string().min(1).max(64) })
/** `{id}/versions/{version}` path parameters. */
export const versionParams = z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1).max(1_000_000) })

/** A built-in template. */
export const templateSchema = z.object({
  id: z.string(), title: z.object({ en: z.string(), 'zh-CN': z.string() }), description: z.object({ en: z.string(), 'zh-CN': z.string() }),
  json: z.record(z.string(), z.unknown()), scores: scoresSchema, locales: z.array(z.string()),
}).openapi('SurveyTemplate')

/** Prefilled hidden fields, stored with the response. */
export const hiddenSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((h) => Object.keys(h).length <= 20, 'at most 20 hidden fields')

/** Answers keyed by question name, as SurveyJS `model.data` has them. */
export const answersSchema = z.record(z.string().max(200), z.unknown()).refine((a) => Object.keys(a).length <= 500, 'at most 500 answers')

/** `POST /surveys/{id}/invitations`: a signed link for one customer. */
export const invitationRequest = z.strictObject({
  customerId: z.string().min(1).max(64),
  locale: z.enum(surveyLocales).optional(),
  hidden: hiddenSchema.optional(),
  ttlDays: z.number().int().min(1).max(365).optional(),
  /** Send even when the customer was asked within the quiet period. */
  ignoreQuietPeriod: z.boolean().default(false),
  /** Answers the link carries (checked like a partial save): `url` then ends with a signed `?prefill=`. */
  prefill: answersSchema.optional(),
})

/** An invitation as staff see it. */
export const invitationSchema = z.object({
  id: z.string(), surveyId: z.string(), version: z.number().int(), customerId: z.string(), status: z.enum(invitationStatuses),
  source: z.string(), locale: z.string(), hidden: z.record(z.string(), z.unknown()), expiresAt: z.string(),
  createdAt: z.string(), openedAt: z.string().nullable(), completedAt: z.string().nullable(), sentAt: z.string().nullable(), responseId: z.string().nullable(),
}).openapi('SurveyInvitation')

/** `POST /surveys/{id}/invitations` answer: the invitation, its token and the page URL. */
export const issuedInvitationSchema = invitationSchema.extend({ token: z.string(), url: z.string() })

/** `GET /invitations` filters. */
export const invitationQuery = z.object({
  surveyId: z.string().min(1).max(64).optional(),
  customerId: z.string().min(1).max(64).optional(),
  status: z.enum(invitationStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** `POST /respond/{surveyId}/partial` and `/complete`. */
export const answerRequest = z.strictObject({ answers: answersSchema, locale: z.enum(surveyLocales).optional() }).openapi('SurveyAnswerRequest')

/** `POST /invitations/{id}/prefills`: answers to carry on an invitation's link (a score clicked in an e-mail). */
export const prefillRequest = z.strictObject({ answers: answersSchema }).openapi('SurveyPrefillRequest')

/** Its answer: the value of the link's `prefill` query parameter (`/s/<token>?prefill=<value>`); it opens nothing without the link. */
export const prefillSchema = z.object({ prefill: z.string() }).openapi('SurveyPrefill')

/** `{surveyId}` path parameter of the customer routes. */
export const respondParams = z.object({ surveyId: z.string().min(1).max(64) })

/** What the customer page needs to render a survey. */
export const surveyFormSchema = z.object({
  surveyId: z.string(), version: z.number().int(), json: z.record(z.string(), z.unknown()),
  locales: z.array(z.string()), locale: z.string(), theme: themeSchema,
  status: z.enum(['created', 'opened', 'partial', 'completed', 'open']),
  answers: z.record(z.string(), z.unknown()), hidden: z.record(z.string(), z.unknown()),
  responseId: z.string().nullable(), expiresAt: z.string().nullable(),
}).openapi('SurveyForm')

/** What the public page gets besides the form: its client id and the proof-of-work it must show. */
export const publicFormSchema = surveyFormSchema.extend({ clientId: z.string(), proofOfWorkBits: z.number().int() }).openapi('PublicSurveyForm')

/** `{token}` path parameter of the public routes. */
export const publicParams = z.object({ token: z.string().min(10).max(64) })

/** A proof-of-work challenge. */
export const challengeSchema = z.object({ challenge: z.string(), bits: z.number().int(), expiresAt: z.string() })

/** `POST /public/{token}/responses`. */
export const publicAnswerRequest = z.strictObject({
  answers: answersSchema,
  locale: z.enum(surveyLocales).optional(),
  clientId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  proof: z.strictObject({ challenge: z.string().min(1).max(300), nonce: z.string().min(1).max(100) }).optional(),
}).openapi('PublicSurveyAnswerRequest')

/** A partial save's answer. */
export const partialSavedSchema = z.object({ status: z.literal('partial'), savedAt: z.string() })

/** Scores a response carried. */
export const responseScoresSchema = z.object({ nps: z.number().nullable(), csat: z.number().nullable(), ces: z.number().nullable() })

/** One stored response. */
export const responseSchema = z.object({
  id: z.string(), surveyId: z.string(), version: z.number().int(), invitationId: z.string().nullable(), customerId: z.string().nullable(),
  channel: z.enum(['link', 'public', 'import']), status: z.enum(['partial', 'completed']), locale: z.string(),
  answers: z.record(z.string(), z.unknown()), hidden: z.record(z.string(), z.unknown()), profileSnapshot: z.record(z.string(), z.unknown()),
  scores: responseScoresSchema, startedAt: z.string(), completedAt: z.string().nullable(),
}).openapi('SurveyResponse')

/** `GET /responses` filters: completed responses by default; `cursor` is the previous page's `nextCursor`. */
export const responseQuery = z.object({
  surveyId: z.string().min(1).max(64).optional(),
  version: z.coerce.number().int().min(1).optional(),
  customerId: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['partial', 'completed']).default('completed'),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** A page of responses. */
export const responsePageSchema = z.object({ items: z.array(responseSchema), nextCursor: z.string().nullable() })
