/**
 * @module
 * Standard Webhooks signatures: `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`
 * keyed with the secret's bytes (`whsec_<base64>`).
 */
import { createHmac, randomBytes } from 'node:crypto'

/** A new endpoint secret. @example const secret = newWebhookSecret() // 'whsec_…' */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`

/**
 * The three headers of one webhook message.
 * @param secret - `whsec_<base64>`
 * @param id - the message id (the same on every retry)
 * @param timestamp - Unix seconds of this attempt
 * @param body - the exact body sent
 * @example fetch(url, { method: 'POST', body, headers: { ...webhookHeaders(secret, id, now, body), 'content-type': 'application/json' } })
 */
export function webhookHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64')
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` }
}
