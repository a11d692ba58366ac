/**
 * @module
 * The messaging settings: where links in messages point, the default language, the SMTP server
 * of the email channel, the contact budget and the quiet hours. Stored as one JSON document with
 * the SMTP password encrypted; read back by owners and admins with the password masked.
 */
import { z } from '@hono/zod-openapi'
import type { Queryable } from '@rapport/db'
import { emailSchema } from '../customers/field-schemas.js'
import type { CoreServices } from '../services.js'
import { TEMPLATE_LOCALES } from './render-template.js'

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
  })
  .openapi('MessagingSettings')
export type MessagingSettings = z.infer<typeof messagingSettingsSchema>

const ID = 'messaging'

/**
 * The stored settings, password decrypted (defaults when none are stored).
 * @example const settings = await loadMessagingSettings(s, s.db)
 */
export async function loadMessagingSettings(s: Pick<CoreServices, 'pii'>, db: Queryable): Promise<MessagingSettings> {
  const row = await db.get<{ value: string | Record<string, unknown> }>('SELECT value FROM core_messaging_settings WHERE id = ?', [ID])
  const stored = (row ? (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) : {}) as MessagingSettings & { email?: { passwordEnc?: string } }
  const email = stored.email && (({ passwordEnc, ...rest }) => ({ ...rest, ...(passwordEnc ? { password: s.pii.decrypt(passwordEnc) } : {}) }))(stored.email)
  return messagingSettingsSchema.parse({ ...stored, ...(email ? { email } : {}) })
}

/**
 * Stores settings; a password of {@link MASKED} keeps the stored one. Returns them masked.
 * @example await saveMessagingSettings(s, tx, body)
 */
export async function saveMessagingSettings(s: Pick<CoreServices, 'pii' | 'now'>, db: Queryable, next: MessagingSettings): Promise<MessagingSettings> {
  const current = await loadMessagingSettings(s, db)
  const password = next.email?.password === MASKED ? current.email?.password : next.email?.password
  const email = next.email && (({ password: _, ...rest }) => ({ ...rest, ...(password ? { passwordEnc: s.pii.encrypt(password) } : {}) }))(next.email)
  const value = JSON.stringify({ ...next, ...(email ? { email } : {}) })
  const now = s.now().toISOString()
  await db.run('INSERT INTO core_messaging_settings (id, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', [ID, value, now])
  return maskSettings({ ...next, ...(next.email ? { email: { ...next.email, ...(password ? { password } : {}) } } : {}) })
}

/** The settings with the password masked. @example c.json(maskSettings(settings)) */
export function maskSettings(settings: MessagingSettings): MessagingSettings {
  if (!settings.email?.password) return settings
  return { ...settings, email: { ...settings.email, password: MASKED } }
}
