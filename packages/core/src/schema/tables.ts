/**
 * @module
 * Core's own tables. Plugins never reference these with foreign keys; they refer to a customer by id.
 */
import { t, table } from '@rapport/db'

/** Admin users: staff who sign in to the admin (not customers). */
export const users = table('core_users', {
  id: t.text().primaryKey(),
  email: t.text().notNull().unique(),
  name: t.text().notNull(),
  role: t.text().notNull(),
  passwordHash: t.text().notNull(),
  disabledAt: t.timestamp(),
  createdAt: t.timestamp().notNull(),
  updatedAt: t.timestamp().notNull(),
})

/** Sessions: the cookie carries a random token; only its SHA-256 is stored. */
export const sessions = table('core_sessions', {
  id: t.text().primaryKey(),
  userId: t.text().notNull().references('core_users', 'id', { onDelete: 'cascade' }),
  createdAt: t.timestamp().notNull(),
  expiresAt: t.timestamp().notNull(),
  lastSeenAt: t.timestamp().notNull(),
}, { indexes: [{ name: 'core_sessions_user', columns: ['userId'] }] })

/** API keys for server-to-server calls: shown once, stored as a hash of their secret part. */
export const apiKeys = table('core_api_keys', {
  id: t.text().primaryKey(),
  name: t.text().notNull(),
  secretHash: t.text().notNull(),
  scopes: t.json().notNull(),
  createdBy: t.text(),
  createdAt: t.timestamp().notNull(),
  lastUsedAt: t.timestamp(),
  revokedAt: t.timestamp(),
})

/** Failed sign-in counters, keyed by a keyed hash of the email or the client address. */
export const loginThrottle = table('core_login_throttle', {
  key: t.text().primaryKey(),
  failures: t.integer().notNull(),
  windowStartedAt: t.timestamp().notNull(),
  lockedUntil: t.timestamp(),
})

/** Customers: email and phone are encrypted at rest, with keyed hashes for exact lookups. */
export const customers = table('core_customers', {
  id: t.text().primaryKey(),
  externalId: t.text().unique(),
  name: t.text(),
  emailEnc: t.text(),
  emailHash: t.text(),
  phoneEnc: t.text(),
  phoneHash: t.text(),
  birthday: t.text(),
  locale: t.text(),
  timeZone: t.text(),
  attributes: t.json().notNull().default('{}'),
  createdAt: t.timestamp().notNull(),
  updatedAt: t.timestamp().notNull(),
  erasedAt: t.timestamp(),
}, {
  indexes: [
    { name: 'core_customers_created', columns: ['createdAt', 'id'] },
    { name: 'core_customers_name', columns: ['name', 'id'] },
    { name: 'core_customers_email_hash', columns: ['emailHash'] },
    { name: 'core_customers_phone_hash', columns: ['phoneHash'] },
  ],
})

/**
 * The append-only event log. `seq` orders it; `idempotencyKey` makes a repeated append return the
 * first result. It becomes the plugin host's event log. Migration 0013 adds who caused each event
 * (`actor_type`, `actor_id`: event-actor-columns.ts).
 */
export const events = table('core_events', {
  seq: t.serial(),
  id: t.text().notNull().unique(),
  idempotencyKey: t.text().notNull().unique(),
  type: t.text().notNull(),
  customerId: t.text(),
  payload: t.json().notNull(),
  occurredAt: t.timestamp().notNull(),
  recordedAt: t.timestamp().notNull(),
  source: t.text().notNull(),
}, {
  indexes: [
    { name: 'core_events_customer', columns: ['customerId', 'seq'] },
    { name: 'core_events_type_time', columns: ['type', 'occurredAt'] },
  ],
})

/** Who changed what, when. Details never hold personal data. */
export const auditLog = table('core_audit_log', {
  seq: t.serial(),
  at: t.timestamp().notNull(),
  actorType: t.text().notNull(),
  actorId: t.text(),
  action: t.text().notNull(),
  targetType: t.text(),
  targetId: t.text(),
  details: t.json().notNull().default('{}'),
  requestId: t.text(),
}, { indexes: [{ name: 'core_audit_log_at', columns: ['at'] }] })

/** Small installation-wide settings (business time zone, demo flag). */
export const settings = table('core_settings', {
  key: t.text().primaryKey(),
  value: t.json().notNull(),
})

/** Every core table, in creation order. */
export const coreTables = [users, sessions, apiKeys, loginThrottle, customers, events, auditLog, settings]
