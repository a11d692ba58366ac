/**
 * @module
 * Names people read for the delivery service's codes: templates, channels, message states. A code
 * without a translation (a plugin's own template or channel) reads as a readable phrase of it.
 */
import type { TFunction } from 'i18next'

type T = TFunction<'messages'>
const readable = (code: string) => code.replace(/[._-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase())

/** @example templateLabel(t, 'survey.invitation') // '问卷邀请' */
export const templateLabel = (t: T, id: string): string => t(`templateNames.${id}` as 'templateNames.survey.invitation', { defaultValue: readable(id) })
/** @example channelLabel(t, 'sms') // '短信' */
export const channelLabel = (t: T, channel: string): string => t(`channels.${channel}` as 'channels.sms', { defaultValue: readable(channel) })
/** The tag colour of a message state. */
export const stateColor: Record<string, string> = { queued: 'blue', sent: 'green', delivered: 'green', bounced: 'red', failed: 'red', suppressed: 'default' }
/** The channels a send can pick: core's and the usual plugin ones. */
export const KNOWN_CHANNELS = ['email', 'sms', 'wechat', 'wecom'] as const
