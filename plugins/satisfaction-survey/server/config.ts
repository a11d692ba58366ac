/**
 * @module
 * The plugin's configuration: quiet period, link lifetime, public-link rate limit and delivery channels.
 */
import { configText, z } from '@rapport/plugin-sdk'

/**
 * Settings of satisfaction-survey.
 * @example surveyConfig.parse({}) // { quietDays: 30, linkTtlDays: 14, publicPerMinute: 20, channels: { webhook: {} } }
 */
export const surveyConfig = z.object({
  /** No customer is invited more than once in this many days (triggers; staff may override per invitation). */
  quietDays: z.number().int().min(0).max(365).default(30).meta(configText(['Quiet days between invitations', '邀请间隔静默天数'], ['No customer is invited more than once in this many days; staff may override it for one invitation.', '同一客户在这些天内最多被邀请一次；工作人员可对单次邀请破例。'])),
  /** How long a customer link (and its invitation) stays valid. */
  linkTtlDays: z.number().int().min(1).max(365).default(14).meta(configText(['Link valid for (days)', '链接有效期（天）'], ['How long a customer\'s survey link, and its invitation, stays valid.', '客户问卷链接及其邀请的有效天数。'])),
  /** Requests per minute one address may make to the public link routes of one survey. */
  publicPerMinute: z.number().int().min(1).max(10_000).default(20).meta(configText(['Public link requests per minute', '公开链接每分钟请求数'], ['Requests one address may make to the public links of one survey in a minute.', '同一地址每分钟可向同一问卷的公开链接发出的请求数。'])),
  /** Seconds a proof-of-work challenge stays valid. */
  challengeTtlSeconds: z.number().int().min(30).max(3_600).default(600).meta(configText(['Anti-spam check valid for (seconds)', '防刷校验有效期（秒）'], ['How long the check a public link asks a browser to solve stays valid.', '公开链接要求浏览器完成的校验的有效秒数。'])),
  /** Delivery channels an invitation is sent through once created. */
  channels: z.object({
    /** POSTs the invitation as JSON to `url`, signed with HMAC-SHA256 of `<timestamp>.<body>` under `secret`. */
    webhook: z.object({
      url: z.url({ protocol: /^https?$/ }).optional().meta(configText(['Webhook address', 'Webhook 地址'], ['Each new invitation is sent here as JSON.', '每个新邀请以 JSON 发送到此地址。'])),
      secret: z.string().min(16).max(200).optional().meta(configText(['Signing secret', '签名密钥'], ['Signs each request (HMAC-SHA256 of the timestamp and the body); needed with an address.', '为每个请求签名（时间戳与正文的 HMAC-SHA256）；填写地址时必填。'])),
    }).refine((w) => !w.url || w.secret, { message: 'a webhook url needs a secret', path: ['secret'] }).default({}).meta(configText(['Webhook', 'Webhook'])),
  }).default({ webhook: {} }).meta(configText(['Delivery channels', '发送渠道'], ['Where an invitation is sent once created.', '邀请创建后发送到哪里。'])),
})

/** The validated config. @example const c: SurveyConfig = surveyConfig.parse({}) */
export type SurveyConfig = z.infer<typeof surveyConfig>
