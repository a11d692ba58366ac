/**
 * @module
 * The channels messages can go through: core's email, WeChat Official Account (`wechat`) and
 * WeCom (`wecom`) channels, configured in the messaging settings, and those enabled plugins declare (`channels` in `definePlugin`), each with its
 * plugin's config. A plugin's channel is gone while the plugin is disabled.
 */
import type { PluginRuntime } from '../plugins/runtime.js'
import { wechatChannel } from './channels/wechat-oa.js'
import { wecomChannel } from './channels/wecom.js'
import { emailChannel } from './email-channel.js'
import type { MessagingSettings } from './messaging-settings.js'
import type { ChannelAdapter } from './message-types.js'

/** A channel ready to send: its adapter and the config it is called with. */
export type BoundChannel = { name: string; adapter: ChannelAdapter; config: unknown }

/**
 * The live channels, core's first, in boot order of their plugins.
 * @example const email = liveChannels(s.runtime, settings).find((c) => c.name === 'email')
 */
export function liveChannels(runtime: PluginRuntime, settings: MessagingSettings): BoundChannel[] {
  const out: BoundChannel[] = [
    { name: 'email', adapter: emailChannel as ChannelAdapter, config: settings },
    { name: 'wechat', adapter: wechatChannel as ChannelAdapter, config: settings },
    { name: 'wecom', adapter: wecomChannel as ChannelAdapter, config: settings },
  ]
  for (const plugin of runtime.active()) {
    for (const [name, adapter] of Object.entries(plugin.definition.channels ?? {})) {
      if (!out.some((c) => c.name === name)) out.push({ name, adapter: adapter as ChannelAdapter, config: plugin.config })
    }
  }
  return out
}
