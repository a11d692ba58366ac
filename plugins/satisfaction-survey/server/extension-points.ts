/**
 * @module
 * The extension point satisfaction-survey offers: a place to add delivery channels (SMS, mail,
 * WeChat) besides the built-in webhook.
 */
import type { ChannelRegistry } from './channels/delivery-channel.js'

/** `extensionPoints` of the definition. @example definePlugin({ ..., extensionPoints }) */
export const extensionPoints = {
  'satisfaction.channels': { description: 'Delivery channels of survey invitations: register({ name, enabled(config), send(message, config) })' },
}

declare module '@rapport/plugin-sdk' {
  interface ExtensionPointMap {
    'satisfaction.channels': Pick<ChannelRegistry, 'register'>
  }
}
