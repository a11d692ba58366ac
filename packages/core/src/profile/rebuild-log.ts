/**
 * @module
 * The versioned record of applied profile rebuilds (`core_profile_rebuilds`): each plugin's
 * rebuilds are numbered 1, 2, ... and keep the plugin version, config hash and rule versions they
 * ran with, so a profile's values can be traced to the rules that produced them.
 */
import { createHash } from 'node:crypto'
import type { Queryable } from '@rapport/db'
import { newId } from '../crypto/tokens.js'
import type { RebuildReport } from './rebuild-profiles.js'

/** One applied rebuild. */
export type ProfileRebuild = {
  id: string
  plugin: string
  /** 1 for a plugin's first rebuild, then one more each time. */
  version: number
  pluginVersion: string
  /** sha256 of the validated config, keys sorted. */
  configHash: string
  rules: Array<{ id: string; version: number }>
  /** The user or API key that asked; null for the system. */
  requestedBy: string | null
  startedAt: string
  finishedAt: string
  report: RebuildReport
}

const NEXT_VERSION = 'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM core_profile_rebuilds WHERE plugin = ?'
const INSERT = `INSERT INTO core_profile_rebuilds (id, plugin, version, plugin_version, config_hash, rules, requested_by, started_at, finished_at, report)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/**
 * Records a rebuild in the rebuild's own transaction, under the next version of its plugin.
 * @param tx - the rebuild's transaction
 * @param entry - everything but the id and version
 * @example const rebuild = await recordRebuild(tx, { plugin: 'tiering', pluginVersion: '1.0.0', configHash, rules, requestedBy, startedAt, finishedAt, report })
 */
export async function recordRebuild(tx: Queryable, entry: Omit<ProfileRebuild, 'id' | 'version'>): Promise<ProfileRebuild> {
  const version = Number((await tx.get<{ v: number }>(NEXT_VERSION, [entry.plugin]))?.v ?? 1)
  const rebuild: ProfileRebuild = { id: newId('rbd'), version, ...entry }
  await tx.run(INSERT, [
    rebuild.id, rebuild.plugin, version, rebuild.pluginVersion, rebuild.configHash, JSON.stringify(rebuild.rules),
    rebuild.requestedBy, rebuild.startedAt, rebuild.finishedAt, JSON.stringify(rebuild.report),
  ])
  return rebuild
}

/**
 * A stable hash of a config: the same values in any key order hash the same.
 * @example configHash({ b: 1, a: 2 }) === configHash({ a: 2, b: 1 }) // true
 */
export function configHash(config: unknown): string {
  return createHash('sha256').update(JSON.stringify(sortKeys(config))).digest('hex')
}

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]))
}
