/**
 * @module
 * Applies what a rule preview showed: stores the proposed config (enabling the plugin first when
 * it is not active) and rebuilds the plugin's profile fields, recording a numbered rebuild. The
 * config change, the rebuild and its record commit together; if the rebuild fails, the config
 * the plugin ran with before is put back.
 */
import { lockAllProfiles } from '../profile/lock-profile.js'
import { configHash, recordRebuild, type ProfileRebuild } from '../profile/rebuild-log.js'
import { rebuildProfiles } from '../profile/rebuild-profiles.js'
import type { CoreServices } from '../services.js'
import { parseConfig } from './parse-config.js'
import { pluginErrors } from './plugin-errors.js'
import type { PluginHost } from './plugin-host.js'
import { loadPluginStates } from './plugin-state-store.js'

/** Options of {@link rebuildPlugin}. */
export type RebuildPluginOptions = {
  /** The config to apply first; default: keep the current one. */
  config?: unknown
  /** Who asked (user or API key id), for the record. */
  requestedBy?: string | null
}

/**
 * @param s - the services
 * @param host - the plugin host
 * @param name - an installed plugin
 * @throws PLUGIN_NOT_FOUND (404), PLUGIN_CONFIG_INVALID (422), PLUGIN_ENABLE_FAILED (409), or
 * what the rebuild throws (after rolling back)
 * @example const rebuild = await rebuildPlugin(s, host, 'points-membership', { config: { pointsPerYuan: 2 } })
 */
export async function rebuildPlugin(s: CoreServices, host: PluginHost, name: string, { config, requestedBy = null }: RebuildPluginOptions = {}): Promise<ProfileRebuild> {
  const def = host.definitions().find((d) => d.name === name)
  if (!def) throw pluginErrors.NOT_FOUND({ plugin: name })
  if (config !== undefined) parseConfig(def, config)
  const stored = (await loadPluginStates(s.db)).get(name)?.config
  if (!host.runtime.active().some((p) => p.definition.name === name)) {
    // Enabling runs its migrations and setup, as the enable route does; the boot reads the stored config.
    if (config !== undefined) await host.configure(name, config)
    try {
      await host.enable(name)
    } catch (err) {
      if (config !== undefined) await host.configure(name, stored).catch(() => undefined)
      throw err
    }
  }
  const startedAt = s.now().toISOString()
  try {
    return await s.db.tx(async (tx) => {
      await lockAllProfiles(tx)
      if (config !== undefined) await host.configure(name, config)
      const report = await rebuildProfiles(s, { plugin: name })
      return recordRebuild(tx, {
        plugin: name, pluginVersion: def.version, configHash: configHash(host.status(name).config),
        rules: (def.scoring ?? []).map((r) => ({ id: r.id, version: r.version })),
        requestedBy, startedAt, finishedAt: s.now().toISOString(), report,
      })
    })
  } catch (err) {
    // The stored state rolled back with the transaction; the running config must follow it.
    if (config !== undefined) await host.configure(name, stored).catch(() => undefined)
    throw err
  }
}
