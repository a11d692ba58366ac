/**
 * @module
 * @rapport/plugin-sdk: everything a plugin author imports. The built-in plugins use exactly this.
 *
 * Typed events, profile fields and extension points come from declaration merging:
 * ```ts
 * declare module '@rapport/plugin-sdk' {
 *   interface EventMap { 'points.earned': { points: number; orderId: string } }
 *   interface ProfileFieldMap { 'points.balance': number }
 *   interface ExtensionPointMap { 'tiering.benefits': (customerId: string) => Promise<{ multiplier: number }> }
 * }
 * ```
 */
export { definePlugin } from './define-plugin.js'
export { field } from './field.js'
/** Config field labels and help in en and zh-CN, as zod metadata the admin's settings form reads. */
export { configText, unlabelledConfigFields, type ConfigFieldText, type TextInput } from './config-text.js'
export { rule, ruleOf } from './rule.js'
export {
  defineContract, extensionPoint,
  type PluginContract, type ExtensionPointRef, type FieldValue, type ContractEvents, type ContractProfile, type ContractExtensionPoints,
  type TypedFieldChange, type ChangesOf, type KnownProfileChanges, type TypedScoringRule,
} from './contract.js'
export { DAY_MS, dayNumber, dayStart, dateOfDay, daysBetween } from './business-days.js'
export {
  defineRoute, policies, jsonBody, jsonResponse, errorBody, commonErrors, defineErrors, RapportError, HOST_API_VERSION, assertSameCustomer, newId, createGroupTx,
  type Access, type PluginDefinition, type PluginContext, type PluginRoute, type ScoringRule, type RapportEvent,
  type ProfileChanges, type FieldChange, type ProfileSnapshot, type ProfileValue, type FieldSpec, type Labels,
  type EmitOptions, type SubscribeOptions, type SubscriberContext, type CatchUpSummary, type JobRun, type JobNextWork, type EventType, type PayloadOf, type Caller, type Role,
  type PluginCommand, type CommandIo, type DashboardScope, type DashboardWidget, type PluginPages, type PluginSegments, type PluginAuditEntry,
  type ImpactPreviewInput, type ReadEventsOptions,
} from '@rapport/core'
/** Reaching people through core's delivery service: `ctx.deliver` and the channels a plugin may add. */
export { PermanentSendError, type ChannelAdapter, type DeliverInput, type DeliverResult, type MessageLink, type OutgoingMessage } from '@rapport/core'
export type { EventMap, ProfileFieldMap, ExtensionPointMap } from '@rapport/core'
/** History imports (past responses, past cases): the order import's checks and report for a plugin's own rows. */
export {
  importRows, rowImportReportSchema, importErrors, IMPORT_MODES, parseImportArgs, printRowImportReport, findRowCustomer, ROW_CUSTOMER_COLUMNS,
  IMPORT_ACCESS, IMPORT_MODE_NOTE, importModeQuery, ROW_IMPORT_BODY_LIMIT_BYTES, rowImportBody, rowImportResponses, rowSourceOf,
  type ImportArgs, type RowCustomerErrors,
  type RowImportKind, type RowImportReport, type RowIssue, type RowRefusal, type RowCells, type RowSource, type ImportRowsOptions, type ImportMode,
} from '@rapport/core'
export { z } from '@hono/zod-openapi'
export { t, table, createTables, type GroupTx, type Table, type Migration, type Queryable, type Database } from '@rapport/db'
/** The open transaction's memo (undefined outside one): what a hot path read or wrote, kept until it ends; a savepoint's rollback forgets it. */
export { transactionMemo } from '@rapport/db'
