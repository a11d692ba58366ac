/**
 * @module
 * The delivery service: plugins ask it to reach people (`ctx.deliver`); it writes an outbox row
 * in their transaction and sends after commit through a channel (email over SMTP, WeChat
 * Official Account template messages and WeCom application messages built in, others from plugins), with retries, a delivery log, consent, unsubscribe, a contact budget and
 * quiet hours, in the recipient's language; and outgoing webhooks signed per Standard Webhooks.
 */
import type { CoreServices } from '../services.js'
import { consentRoutes } from './consent-routes.js'
import { messageRoutes } from './message-routes.js'
import { messagingSettingsRoutes } from './messaging-settings-routes.js'
import { templateRoutes } from './template-routes.js'
import { unsubscribeRoutes } from './unsubscribe-routes.js'
import { webhookRoutes } from './webhooks/webhook-routes.js'
import { bulkSendRoutes } from './bulk/bulk-routes.js'
import { webhookLogRoutes } from './admin-routes/webhook-log-routes.js'
import { templateEditRoutes } from './admin-routes/template-edit-routes.js'
import { addressRoutes } from './channels/address-routes.js'

export { queueMessage } from './queue-message.js'
export { MESSAGE_TEMPLATES, findTemplate, type MessageTemplate } from './message-templates.js'
export { renderTemplate, templateLocale, TEMPLATE_LOCALES, type TemplateLocale } from './render-template.js'
export { quietUntil } from './quiet-hours.js'
export { MESSAGE_STATES, PermanentSendError, type ChannelAdapter, type DeliverInput, type DeliverResult, type MessageLink, type MessageState, type OutgoingMessage } from './message-types.js'
export { messagingSettingsSchema, type MessagingSettings } from './messaging-settings.js'
export { webhookHeaders } from './webhooks/webhook-signature.js'
export { aliyunSmsChannel, aliyunSmsConfigSchema, aliyunSignature, type AliyunSmsConfig } from './channels/aliyun-sms.js'
export { tencentSmsChannel, tencentSmsConfigSchema, tc3Sign, type TencentSmsConfig } from './channels/tencent-sms.js'
export { validSmsNumber, toE164 } from './channels/sms-common.js'
export { bulkSendRequest, bulkSendSchema, bulkProgressSchema, BULK_SKIP_REASONS, type BulkSend, type BulkSendRequest, type BulkSkipReason } from './bulk/bulk-schemas.js'
export { wechatChannel, wechatSettingsSchema, WECHAT_API, type WechatSettings } from './channels/wechat-oa.js'
export { wecomChannel, wecomSettingsSchema, WECOM_API, type WecomSettings } from './channels/wecom.js'
export { rekeyMessagingSecrets, type MessagingRekeyReport } from './channels/rekey-messaging-secrets.js'

/** Every route of the delivery service. @example routes.push(...messagingRoutes(s)) */
export const messagingRoutes = (s: CoreServices) => [...messageRoutes(s), ...messagingSettingsRoutes(s), ...templateRoutes(), ...unsubscribeRoutes(s), ...consentRoutes(s), ...webhookRoutes(s), ...addressRoutes(s), ...bulkSendRoutes(s), ...webhookLogRoutes(s), ...templateEditRoutes(s)]
