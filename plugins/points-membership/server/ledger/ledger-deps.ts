/**
 * @module
 * What the ledger functions need from the plugin context: the config, the clock, emitting
 * events and mirroring profile fields. Routes, subscribers and jobs pass `ctx` itself.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'

/** @example await spendPoints(tx, ctx, { customerId, points: 10, key: 'k1' }) */
export type LedgerDeps = Pick<PluginContext<PointsConfig>, 'config' | 'now' | 'emit' | 'updateProfile'>

/** Adds whole days to an ISO time. @example addDays('2026-01-01T00:00:00.000Z', 7) // '2026-01-08T00:00:00.000Z' */
export const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString()

/**
 * A new ledger, lot or adjustment id: the time in milliseconds (9 base-36 digits), then 80 random
 * bits. Time first, so new entries and lots land at the end of their id indexes instead of on a
 * random page each: a group's COMMIT writes fewer pages to the WAL.
 * @example newId('ple') // 'ple_0mbx3k2a1f3c9e0d2b4a6c8e1'
 */
export const newId = (prefix: string): string => {
  const uuid = crypto.randomUUID() // v4: every hex digit random but the version (14th) and variant (19th)
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${uuid.slice(0, 8)}${uuid.slice(9, 13)}${uuid.slice(24, 32)}`
}
