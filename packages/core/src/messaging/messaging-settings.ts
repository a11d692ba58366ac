/**
 * @module
 * The messaging settings: where links in messages point, the default language, the SMTP server
 * of the email channel, the WeChat Official Account and WeCom application, the contact budget and
 * the quiet hours. Stored as one JSON document with each credential (SMTP password, AppSecret,
 * WeCom Secret) encrypted with the server secret; read back by owners and admins masked.
 */
import { z } from '@hono/zod-openapi'
import type { Queryable } from '@rapport/db'
import { emailSchema } from '../customers/field-schemas.js'
import type { CoreServices } from '../services.js'
import { TEMPLATE_LOCALES } from './render-template.js'
import { wechatSettingsSchema } from './channels/wechat-oa.js'
import { wecomSettingsSchema } from './channels/wecom.js'

/** What a read shows instead of a stored password; sending it back keeps the stored one. */
export const MASKED = '********'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)')

/** The settings as written and read (`PUT`/`GET /api/v1/messaging/settings`). @example messagingSettingsSchema.parse({ defaultLocale: 'zh-CN' }) */
export const messagingSettingsSchema = z
  .strictObject({
    publicUrl: z.url().max(400).optional().openapi({ description: 'The address customers open links at, e.g. https://crm.example.cn', example: 'https://crm.example.cn' }),
    defaultLocale: z.enum(TEMPLATE_LOCALES).default('zh-CN').openapi({ description: 'The language of recipients without a locale' }),
    email: z
      .strictObject({
        host: z.string().min(1).max(253),
        port: z.int().min(1).max(65535).default(587),
        secure: z.boolean().default(false).openapi({ description: 'TLS from the start (port 465); otherwise STARTTLS when offered' }),
        user: z.string().max(254).optional(),
        password: z.string().max(500).optional().openapi({ description: `Write-only: reads show ${MASKED}` }),
        from: emailSchema,
      })
      .optional(),
    budget: z
      .strictObject({ max: z.int().min(1).max(1000), periodHours: z.int().min(1).max(24 * 366) })
      .optional()
      .openapi({ description: 'At most `max` messages to one customer in any `periodHours`; more are suppressed' }),
    quietHours: z
      .strictObject({ start: clock, end: clock })
      .optional()
      .openapi({ description: "In the business's time zone; a message due inside them waits until they end" }),
    wechat: wechatSettingsSchema.optional().openapi({ description: 'The WeChat Official Account that sends template messages to customers' }),
    wecom: wecomSettingsSchema.optional().openapi({ description: 'The WeCom (企业微信) application that sends notifications to staff' }),
    staffChannel: z.enum(['email', 'wecom']).default('email').openapi({ description: 'The channel staff notifications go by for users who chose none' }),
  })
  .openapi('MessagingSettings')
export type MessagingSettings = z.infer<typeof messagingSettingsSchema>

const ID = 'messaging'

/** The credentials of the settings, by section: stored encrypted as `<field>Enc`, read back masked. */
const SECRETS = [['email', 'password'], ['wechat', 'appSecret'], ['wecom', 'corpSecret']] as const
type Sections = Record<string, Record<string, unknown> | undefined>

/** `settings` with each section's credential passed through `map` (a section without one is left as it is). */
function mapSecrets(settings: Sections, map: (section: string, field: string, value: Record<string, unknown>) => Record<string, unknown>): Sections {
  const out = { ...settings }
  for (const [section, field] of SECRETS) if (out[section]) out[section] = map(section, field, out[section]!)
  return out
}

/**
 * The stored settings, credentials decrypted (defaults when none are stored).
 * @example const settings = await loadMessagingSettings(s, s.db)
 */
export async function loadMessagingSettings(s: Pick<CoreServices, 'pii'>, db: Queryable): Promise<MessagingSettings> {
  const row = await db.get<{ value: string | Record<string, unknown> }>('SELECT value FROM core_messaging_settings WHERE id = ?', [ID])
  const stored = (row ? (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) : {}) as Sections
  return messagingSettingsSchema.parse(mapSecrets(stored, (_, field, { [`${field}Enc`]: enc, ...rest }) => ({ ...rest, ...(typeof enc === 'string' ? { [field]: s.pii.decrypt(enc) } : {}) })))
}

/**
 * Stores settings, each credential encrypted; a credential of {@link MASKED} keeps the stored one. Returns them masked.
 * @example await saveMessagingSettings(s, tx, body)
 */
export async function saveMessagingSettings(s: Pick<CoreServices, 'pii' | 'now'>, db: Queryable, next: MessagingSettings): Promise<MessagingSettings> {
  const current = (await loadMessagingSettings(s, db)) as unknown as Sections
  const kept = mapSecrets(next as unknown as Sections, (section, field, value) => {
    const secret = value[field] === MASKED ? current[section]?.[field] : value[field]
    return { ...value, [field]: typeof secret === 'string' && secret !== '' ? secret : undefined }
  })
  const encrypted = mapSecrets(kept, (_, field, { [field]: secret, ...rest }) => ({ ...rest, ...(typeof secret === 'string' ? { [`${field}Enc`]: s.pii.encrypt(secret) } : {}) }))
  const now = s.now().toISOString()
  await db.run('INSERT INTO core_messaging_settings (id, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', [ID, JSON.stringify(encrypted), now])
  return maskSettings(messagingSettingsSchema.parse(kept))
}

/** The settings with every credential masked. @example c.json(maskSettings(settings)) */
export function maskSettings(settings: MessagingSettings): MessagingSettings {
  return mapSecrets(settings as unknown as Sections, (_, field, value) => (value[field] ? { ...value, [field]: MASKED } : value)) as unknown as MessagingSettings
}
