/**
 * @module
 * The fixed words of a case (channels, priorities, states, SLA states), without dependencies, so
 * the admin and customer pages can import them as values without pulling in zod or the SDK.
 */

/** Where a complaint came in; `link` is set by the server for a case a customer filed through their own link. */
export const channels = ['phone', 'email', 'store', 'web', 'wechat', 'other', 'link'] as const
/** The channels staff record a case under (`link` is only ever set by the server). */
export const staffChannels = ['phone', 'email', 'store', 'web', 'wechat', 'other'] as const
/** How urgent a case is. */
export const priorities = ['low', 'normal', 'high', 'urgent'] as const
/** The workflow's states. */
export const statuses = ['new', 'open', 'pending_customer', 'pending_third_party', 'resolved', 'closed'] as const
/** A case's status. */
export type CaseStatus = (typeof statuses)[number]
/** How a case stands against its SLA targets. */
export const slaStates = ['ok', 'warning', 'breached'] as const
/** The SLA targets. */
export const slaTargets = ['firstResponse', 'nextUpdate', 'resolution'] as const
