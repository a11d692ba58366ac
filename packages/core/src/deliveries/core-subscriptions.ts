/**
 * @module
 * After-commit subscribers of core itself (the delivery service's sender): queued and run by the
 * same deliveries as plugins' subscribers, so core has one retry loop, named `core:<id>`.
 */
import type { Subscription } from '../plugins/runtime.js'

/** Core's own after-commit subscriptions, as the delivery worker sees them. */
export type CoreSubscriptions = readonly Subscription[]

/**
 * Thrown by an after-commit subscriber that may not act yet (a message in quiet hours): the
 * delivery waits until `until` without counting an attempt.
 * @example throw new DeliveryDeferred('2026-06-01T00:00:00.000Z', 'quiet hours')
 */
export class DeliveryDeferred extends Error {
  constructor(readonly until: string, reason: string) {
    super(reason)
    this.name = 'DeliveryDeferred'
  }
}
