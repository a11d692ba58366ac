/**
 * @module
 * Core's error registry, grouped by area. Messages are English for developers and logs; the
 * admin and customer pages translate by code.
 */
import { defineErrors, registerErrors } from './rapport-error.js'

type Issue = { path: string; message: string }

/** Malformed or unacceptable requests. */
export const requestErrors = defineErrors('REQUEST', {
  INVALID: { status: 400, message: (d: { issues: Issue[] }) => `Invalid request: ${d.issues.map((i) => `${i.path || '(body)'} ${i.message}`).join('; ')}` },
  MALFORMED_JSON: { status: 400, message: () => 'The request body is not valid JSON' },
  INVALID_CURSOR: { status: 400, message: () => 'The cursor is not one this server issued' },
  BODY_TOO_LARGE: { status: 413, message: (d: { limitBytes: number }) => `The request body exceeds ${d.limitBytes} bytes` },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: (d: { expected: string }) => `Expected a ${d.expected} body` },
  NOT_FOUND: { status: 404, message: (d: { path: string }) => `No route ${d.path}` },
  RATE_LIMITED: { status: 429, message: (d: { retryAfterSeconds: number }) => `Too many requests, retry in ${d.retryAfterSeconds}s` },
})

/** Who is calling and whether they may. */
export const authErrors = defineErrors('AUTH', {
  REQUIRED: { status: 401, message: () => 'Sign in or send an API key' },
  INVALID_CREDENTIALS: { status: 401, message: () => 'Email or password is wrong' },
  INVALID_API_KEY: { status: 401, message: () => 'The API key is unknown or revoked' },
  FORBIDDEN: { status: 403, message: (d: { needs: string }) => `This needs ${d.needs}` },
  CSRF_REJECTED: { status: 403, message: () => 'Cross-site request refused: the Origin does not match this server' },
  THROTTLED: { status: 429, message: (d: { retryAfterSeconds: number }) => `Too many failed sign-ins, retry in ${d.retryAfterSeconds}s` },
  USER_EXISTS: { status: 409, message: (d: { email: string }) => `A user with email ${d.email} exists` },
  USER_NOT_FOUND: { status: 404, message: (d: { userId: string }) => `No user ${d.userId}` },
  API_KEY_NOT_FOUND: { status: 404, message: (d: { keyId: string }) => `No API key ${d.keyId}` },
  LAST_OWNER: { status: 409, message: () => 'The last active owner cannot be demoted or disabled' },
})

/** The customer store. */
export const customerErrors = defineErrors('CUSTOMER', {
  NOT_FOUND: { status: 404, message: (d: { customerId: string }) => `No customer ${d.customerId}` },
  EXTERNAL_ID_TAKEN: { status: 409, message: (d: { externalId: string }) => `Another customer has externalId ${d.externalId}` },
  ERASED: { status: 409, message: (d: { customerId: string }) => `Customer ${d.customerId} was erased` },
})

/** Saved segments. */
export const segmentErrors = defineErrors('SEGMENT', {
  NOT_FOUND: { status: 404, message: (d: { segmentId: string }) => `No segment ${d.segmentId}` },
  STALE: { status: 409, message: (d: { segmentId: string; problem: string }) => `Segment ${d.segmentId} no longer applies: ${d.problem}` },
})

/** Event ingestion and imports. */
export const eventErrors = defineErrors('EVENT', {
  BATCH_TOO_LARGE: { status: 413, message: (d: { max: number; got: number }) => `A batch holds at most ${d.max} events, got ${d.got}` },
})

/** CSV imports. */
export const importErrors = defineErrors('IMPORT', {
  /** Details are the whole import report (`rows`, `invalid` with row numbers and reasons, `committed: false`). */
  INVALID_ROWS: { status: 422, message: (d: { rows: number; invalid: Array<{ row: number }> }) => `${d.invalid.length} of ${d.rows} rows are invalid; nothing was imported` },
  MISSING_COLUMNS: { status: 422, message: (d: { missing: string[] }) => `Missing columns: ${d.missing.join(', ')}` },
  UNKNOWN_COLUMNS: { status: 422, message: (d: { unknown: string[]; allowed: string[] }) => `Unknown columns: ${d.unknown.join(', ')} (allowed: ${d.allowed.join(', ')})` },
  DUPLICATE_COLUMNS: { status: 422, message: (d: { duplicated: string[] }) => `Columns appear more than once: ${d.duplicated.join(', ')}` },
  UNKNOWN_KIND: { status: 404, message: (d: { kind: string }) => `Unknown import kind ${d.kind}` },
})

/** After-commit deliveries to side-effect subscribers. */
export const deliveryErrors = defineErrors('DELIVERY', {
  NOT_FOUND: { status: 404, message: (d: { deliveryId: string }) => `No delivery ${d.deliveryId}` },
  NOT_RETRYABLE: { status: 409, message: (d: { deliveryId: string; state: string }) => `Delivery ${d.deliveryId} is ${d.state}; only pending or dead deliveries can be retried` },
})

/** The delivery service: messages to customers and staff, their channels, templates and consent. */
export const messageErrors = defineErrors('MESSAGE', {
  NOT_FOUND: { status: 404, message: (d: { messageId: string }) => `No message ${d.messageId}` },
  TEMPLATE_NOT_FOUND: { status: 404, message: (d: { template: string }) => `No message template ${d.template}` },
  CHANNEL_NOT_FOUND: { status: 404, message: (d: { channel: string }) => `No message channel ${d.channel}` },
  ADDRESS_INVALID: { status: 422, message: (d: { channel: string }) => `The address is not a valid ${d.channel} address` },
  RECIPIENT_NOT_FOUND: { status: 404, message: (d: { recipient: string }) => `No recipient ${d.recipient}` },
  UNSUBSCRIBE_INVALID: { status: 400, message: () => 'The unsubscribe link is not one this server issued' },
  CHANNEL_NOT_CONFIGURED: { status: 409, message: (d: { channel: string }) => `The ${d.channel} channel is not set up` },
  WEBHOOK_NOT_FOUND: { status: 404, message: (d: { webhookId: string }) => `No webhook endpoint ${d.webhookId}` },
  BULK_SEND_NOT_FOUND: { status: 404, message: (d: { bulkSendId: string }) => `No bulk send ${d.bulkSendId}` },
})

/** Scheduled plugin jobs. */
export const jobErrors = defineErrors('JOB', {
  NOT_FOUND: { status: 404, message: (d: { job: string }) => `No active job ${d.job}` },
  ALREADY_RUNNING: { status: 409, message: (d: { job: string }) => `Job ${d.job} is already running` },
})

/**
 * The scoring engine and profile store: a plugin's rule, subscriber or profile write broke the
 * contract. Plugin bugs, so 500; the host tags each with the plugin.
 */
export const scoringErrors = defineErrors('PLUGIN', {
  FIELD_UNKNOWN: { status: 500, message: (d: { plugin: string; field: string }) => `Plugin ${d.plugin} changed ${d.field}, a profile field no plugin declares` },
  FIELD_FOREIGN: { status: 500, message: (d: { plugin: string; field: string; owner: string }) => `Plugin ${d.plugin} changed ${d.field}, a profile field of ${d.owner}` },
  CHANGE_INVALID: { status: 500, message: (d: { plugin: string; field: string; kind: string; problem: string }) => `Plugin ${d.plugin}: invalid change of ${d.field} (${d.kind}): ${d.problem}` },
  RULE_ASYNC: { status: 500, message: (d: { plugin: string; rule: string }) => `Plugin ${d.plugin}: scoring rule ${d.rule} returned a Promise; rules are synchronous and pure` },
  HANDLER_FAILED: { status: 500, message: (d: { plugin: string; kind: 'rule' | 'subscriber' | 'recompute'; handler: string; type: string }) => `Plugin ${d.plugin}: ${d.kind} ${d.handler} failed on ${d.type}` },
  EVENT_PAYLOAD_INVALID: { status: 500, message: (d: { plugin: string; type: string; issues: Issue[] }) => `Plugin ${d.plugin} emitted ${d.type} with an invalid payload: ${d.issues.map((i) => `${i.path || '(payload)'} ${i.message}`).join('; ')}` },
})

/** The event bus as a whole. */
export const eventBusErrors = defineErrors('HOST', {
  CASCADE_TOO_DEEP: { status: 500, message: (d: { type: string; depth: number; max: number }) => `Event ${d.type} would cascade to depth ${d.depth}; at most ${d.max} is allowed` },
})

/** Failures that are the server's, never the caller's. */
export const serverErrors = defineErrors('', {
  INTERNAL_ERROR: { status: 500, message: () => 'Something went wrong on our side; the request id identifies it' },
  HOST_DATABASE_UNAVAILABLE: { status: 503, message: () => 'The database is not available' },
})

registerErrors('REQUEST', requestErrors)
registerErrors('AUTH', authErrors)
registerErrors('CUSTOMER', customerErrors)
registerErrors('SEGMENT', segmentErrors)
registerErrors('EVENT', eventErrors)
registerErrors('IMPORT', importErrors)
registerErrors('PLUGIN', scoringErrors)
registerErrors('HOST', eventBusErrors)
registerErrors('DELIVERY', deliveryErrors)
registerErrors('JOB', jobErrors)
registerErrors('MESSAGE', messageErrors)
registerErrors('', serverErrors)
