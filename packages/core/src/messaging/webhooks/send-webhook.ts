/**
 * @module
 * Outgoing webhooks on the delivery machinery: each event is queued, in its own transaction, as one
 * after-commit delivery per endpoint that wants its type (`core:webhook:<endpoint id>`), so every
 * endpoint has its own attempts, backoff, log (`GET /api/v1/deliveries?subscriber=core:webhook:<id>`)
 * and retry. A non-2xx answer or a network error fails the attempt. The body is the event as the
 * log holds it; the secret signs it and is never sent, stored in clear, or logged.
 */
import type { Queryable } from '@rapport/db'
import { newId } from '../../crypto/tokens.js'
import type { StoredEvent } from '../../events/event-log.js'
import type { RapportEvent } from '../../plugins/contract.js'
import type { Subscription } from '../../plugins/runtime.js'
import type { CoreServices } from '../../services.js'
import { endpointsFor, loadEndpoints, type WebhookEndpoint } from './webhook-endpoints.js'
import { webhookHeaders } from './webhook-signature.js'

/** The subscriber id prefix of webhook deliveries. */
export const WEBHOOK_SUBSCRIBER = 'webhook:'
/** Attempts per event and endpoint before the delivery is dead. */
const MAX_ATTEMPTS = 8
const TIMEOUT_MS = 10_000

const INSERT = `INSERT INTO core_deliveries (id, event_seq, event_id, subscriber, state, attempts, max_attempts, next_attempt_at, created_at)
  VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT DO NOTHING`

/**
 * Queues the event for every endpoint that wants its type (called by `enqueueDeliveries`).
 * @example await queueWebhookDeliveries(s, tx, event)
 */
export async function queueWebhookDeliveries(s: CoreServices, tx: Queryable, event: StoredEvent): Promise<void> {
  const endpoints = await endpointsFor(s, tx, event.type)
  if (endpoints.length === 0) return
  const now = s.now().toISOString()
  for (const e of endpoints) await tx.run(INSERT, [newId('dlv'), event.seq, event.id, `core:${WEBHOOK_SUBSCRIBER}${e.id}`, MAX_ATTEMPTS, now, now])
}

/** The body of an event's webhook. @example const body = webhookBody(event) */
export const webhookBody = (event: Pick<RapportEvent, 'id' | 'seq' | 'type' | 'customerId' | 'payload' | 'occurredAt'>): string =>
  JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: { id: event.id, seq: event.seq, type: event.type, customerId: event.customerId, payload: event.payload, occurredAt: event.occurredAt } })

/**
 * POSTs a signed body to an endpoint; throws on a network error or a non-2xx answer.
 * @example await postWebhook(s, endpoint, event.id, body)
 */
export async function postWebhook(s: CoreServices, endpoint: WebhookEndpoint, id: string, body: string): Promise<number> {
  const headers = webhookHeaders(s.pii.decrypt(endpoint.secretEnc), id, Math.floor(Date.now() / 1000), body)
  const res = await fetch(endpoint.url, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' })
  if (res.status < 200 || res.status >= 300) throw new Error(`The endpoint answered HTTP ${res.status}`)
  return res.status
}

/**
 * The subscription behind `core:webhook:<endpoint id>`: sends the event to that endpoint; an
 * endpoint deleted meanwhile ends the delivery.
 * @example findSubscription(s, 'core:webhook:whk_…')
 */
export function webhookSubscription(s: CoreServices, endpointId: string): Subscription {
  return {
    plugin: 'core', type: '*', options: { id: `${WEBHOOK_SUBSCRIBER}${endpointId}`, phase: 'afterCommit', maxAttempts: MAX_ATTEMPTS },
    async handler(event) {
      const endpoint = (await loadEndpoints(s.db)).find((e) => e.id === endpointId)
      if (endpoint) await postWebhook(s, endpoint, event.id, webhookBody(event))
    },
  }
}
