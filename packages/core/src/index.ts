/**
 * @module
 * @rapport/core: the HTTP application, auth, customers, the event log and coded errors.
 */
export * from './errors/index.js'
export * from './services.js'
export * from './logger.js'
export { createCoreApp, type CoreApp, type RouteInfo } from './http/create-app.js'
export { defineRoute, type CoreRoute } from './http/define-route.js'
export { policies, allows, describeAccess, type Access } from './http/access.js'
export { ROLES, API_SCOPES, type Role, type ApiScope, type Caller, type AppEnv } from './http/app-env.js'
export { jsonBody, jsonResponse, errorBody, commonErrors } from './http/responses.js'
export { migrateCore, coreMigrations } from './schema/migrations.js'
export { coreTables } from './schema/tables.js'
export { createUser, listUsers } from './auth/user-store.js'
export { createApiKey } from './auth/api-key-store.js'
export { createPiiCipher, normalizeEmail, normalizePhone, type PiiCipher } from './crypto/pii-cipher.js'
export { newId } from './crypto/tokens.js'
export { recordAudit } from './audit/audit-log.js'
export { appendEvent, listCustomerEvents, type StoredEvent, type NewEvent } from './events/event-log.js'
export { upsertCustomerByExternalId, type CustomerFields } from './customers/customer-store.js'
export { importCsv, type ImportReport } from './imports/import-csv.js'
