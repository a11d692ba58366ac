/**
 * @module
 * How a case a customer filed themselves is recorded: the server, never the request, sets its
 * channel (from how it came in) and its priority (the default), so a customer can neither pick the
 * urgent SLA policy nor pass for a phone call. SLA policies then match on category and tier.
 */
import type { OpenInput } from './open-case.js'

/** The ways a customer files a case without staff: their own link, or the anonymous web form. */
export type CustomerIntakeVia = 'link' | 'form'

const channelOf = { link: 'link', form: 'web' } as const

/** The priority of every case a customer files; staff may change it later. */
export const CUSTOMER_CASE_PRIORITY = 'normal'

/** @example await openCase(tx, ctx, { ...customerIntake('link'), customerId, category, description, orderRef: null, createdBy }) */
export const customerIntake = (via: CustomerIntakeVia): Pick<OpenInput, 'channel' | 'priority'> => ({ channel: channelOf[via], priority: CUSTOMER_CASE_PRIORITY })
