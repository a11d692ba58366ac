/**
 * @module
 * The built-in webhook channel: POSTs the invitation as JSON to the configured URL with
 * `x-rapport-timestamp` and `x-rapport-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
 * A non-2xx answer or a network error throws, so the host retries.
 */
import { createHmac } from 'node:crypto'
import type { DeliveryChannel } from './delivery-channel.js'

/** The signature header value of a body. @example webhookSignature(secret, '1767225600', body) // 'sha256=…' */
export const webhookSignature = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/** @example createChannelRegistry([webhookChannel]) */
export const webhookChannel: DeliveryChannel = {
  name: 'webhook',
  enabled: (config) => Boolean(config.channels.webhook.url && config.channels.webhook.secret),
  async send(message, config) {
    const { url, secret } = config.channels.webhook
    const body = JSON.stringify(message)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const res = await fetch(url!, {
      method: 'POST', body, signal: AbortSignal.timeout(10_000),
      headers: { 'content-type': 'application/json', 'x-rapport-timestamp': timestamp, 'x-rapport-signature': webhookSignature(secret!, timestamp, body) },
    })
    if (!res.ok) throw new Error(`webhook answered ${res.status}`)
  },
}
