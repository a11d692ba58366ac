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
