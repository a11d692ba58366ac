/**
 * @module
 * Mounts complaint-tracking's message subscribers on `ctx` (the reply and assignment notices are
 * called by their routes). Registers only.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import { receivedMessage, resolvedMessage } from './customer-messages.js'
import { slaNotification } from './staff-notifications.js'

/** @example registerMessages(ctx) // in setup */
export function registerMessages(ctx: Pick<PluginContext, 'on' | 'deliver' | 'now'>): void {
  ctx.on('complaint.opened', receivedMessage(ctx), { id: 'message-received', phase: 'inTransaction' })
  ctx.on('complaint.resolved', resolvedMessage(ctx), { id: 'message-resolved', phase: 'inTransaction' })
  ctx.on('complaint.sla.warning', slaNotification(ctx, 'warning'), { id: 'notify-sla-warning', phase: 'inTransaction' })
  ctx.on('complaint.sla.breached', slaNotification(ctx, 'breached'), { id: 'notify-sla-breached', phase: 'inTransaction' })
}
