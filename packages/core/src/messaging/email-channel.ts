/**
 * @module
 * The built-in email channel: SMTP through nodemailer, with an HTML and a text part and the
 * one-click unsubscribe headers (RFC 8058). A 5xx answer is a bounce (not retried); a connection
 * failure or a 4xx answer throws to be retried.
 */
import nodemailer from 'nodemailer'
import { emailSchema } from '../customers/field-schemas.js'
import { messageErrors } from '../errors/index.js'
import type { MessagingSettings } from './messaging-settings.js'
import { PermanentSendError, type ChannelAdapter } from './message-types.js'

/** How long a connection, the greeting and an idle socket may take before the attempt fails. */
const TIMEOUT_MS = 10_000

/** @example emailChannel.send(message, settings) */
export const emailChannel: ChannelAdapter<MessagingSettings> = {
  address: 'email',
  ready: (settings) => settings.email !== undefined,
  validAddress: (address) => emailSchema.safeParse(address).success,
  async send(message, settings) {
    const email = settings.email
    if (!email) throw messageErrors.CHANNEL_NOT_CONFIGURED({ channel: 'email' })
    const transport = nodemailer.createTransport({
      host: email.host, port: email.port, secure: email.secure,
      ...(email.user ? { auth: { user: email.user, pass: email.password ?? '' } } : {}),
      connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS,
    })
    try {
      const info = await transport.sendMail({
        from: email.from, to: message.to, subject: message.subject, text: message.text, html: message.html,
        ...(message.unsubscribeUrl ? { list: { unsubscribe: { url: message.unsubscribeUrl, comment: 'Unsubscribe' } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
      })
      return { providerId: String(info.messageId) }
    } catch (err) {
      const code = (err as { responseCode?: unknown }).responseCode
      if (typeof code === 'number' && code >= 500) throw new PermanentSendError(`SMTP ${code}: ${(err as Error).message}`.slice(0, 300))
      throw err
    } finally {
      transport.close()
    }
  },
}
