/**
 * @module
 * Turns what a plugin's rule or subscriber threw into a {@link RapportError} tagged with the
 * plugin. A coded error passes through (a cascade refusal or the plugin's own 409 keeps its code);
 * anything else becomes PLUGIN_HANDLER_FAILED with the original kept as `cause`.
 */
import { RapportError, scoringErrors } from '../errors/index.js'

/** Where a plugin's code failed. */
export type FaultSite = { plugin: string; kind: 'rule' | 'subscriber' | 'recompute'; handler: string; type: string }

/**
 * Tags a coded error with the plugin it came from, unless a deeper plugin already did.
 * @example throw tagPlugin(scoringErrors.FIELD_UNKNOWN({ plugin, field }), plugin)
 */
export function tagPlugin<E extends RapportError>(err: E, plugin: string): E {
  err.plugin ??= plugin
  return err
}

/**
 * The error to rethrow for a failure inside a plugin's rule or subscriber.
 * @example
 * try { await sub.handler(event, ctx) } catch (err) { throw pluginFault(err, { plugin, kind: 'subscriber', handler: sub.options.id, type }) }
 */
export function pluginFault(err: unknown, site: FaultSite): RapportError {
  if (err instanceof RapportError) return tagPlugin(err, site.plugin)
  return tagPlugin(scoringErrors.HANDLER_FAILED(site, err), site.plugin)
}
