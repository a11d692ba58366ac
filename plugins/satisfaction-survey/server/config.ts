/**
 * @module
 * The plugin's configuration: quiet period, link lifetime, public-link rate limit and delivery channels.
 */
import { z } from '@rapport/plugin-sdk'

/**
 * Settings of satisfaction-survey.
 * @example surveyConfig.parse({}) // { quietDays: 30, linkTtlDays: 14, publicPerMinute: 20, channels: { webhook: {} } }
 */
export const surveyConfig = z.object({
  /** No customer is invited more than once in this many days (triggers; staff may override per invitation). */
  quietDays: z.number().int().min(0).max(365).default(30),
  /** How long a customer link (and its invitation) stays valid. */
  linkTtlDays: z.number().int().min(1).max(365).default(14),
  /** Requests per minute one address may make to the public link routes of one survey. */
  publicPerMinute: z.number().int().min(1).max(10_000).default(20),
  /** Seconds a proof-of-work challenge stays valid. */
  challengeTtlSeconds: z.number().int().min(30).max(3_600).default(600),
  /** Delivery channels an invitation is sent through once created. */
  channels: z.object({
    /** POSTs the invitation as JSON to `url`, signed with HMAC-SHA256 of `<timestamp>.<body>` under `secret`. */
    webhook: z.object({
      url: z.url({ protocol: /^https?$/ }).optional(),
      secret: z.string().min(16).max(200).optional(),
    }).refine((w) => !w.url || w.secret, { message: 'a webhook url needs a secret', path: ['secret'] }).default({}),
  }).default({ webhook: {} }),
})

/** The validated config. @example const c: SurveyConfig = surveyConfig.parse({}) */
export type SurveyConfig = z.infer<typeof surveyConfig>
