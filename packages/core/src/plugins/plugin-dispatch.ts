import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env.js'
import type { ForwardedEnv } from './plugin-app.js'
import { pluginErrors } from './plugin-errors.js'
import type { PluginHost } from './plugin-host.js'
import type { QuarantineError } from './quarantine-plugin.js'

/**
 * Routes `/api/p/<name>/…` to the plugin's current app, passing the resolved caller along. A
 * disabled or failed plugin answers 404 PLUGIN_NOT_ACTIVE: its routes are gone without a restart.
 * A quarantined one answers 503 PLUGIN_QUARANTINED: it is meant to come back once fixed.
 * @example app.all('/api/p/:plugin/*', pluginDispatch(host))
 */
export function pluginDispatch(host: PluginHost): MiddlewareHandler<AppEnv> {
  return async function pluginDispatchOf(c) {
    const name = c.req.param('plugin') ?? ''
    const target = host.appOf(name)
    if (!target) {
      const status = host.definitions().some((d) => d.name === name) ? host.status(name) : undefined
      if (status?.error?.code === pluginErrors.QUARANTINED.code) throw pluginErrors.QUARANTINED(status.error.details as QuarantineError['details'])
      throw status ? pluginErrors.NOT_ACTIVE({ plugin: name, state: status.state }) : pluginErrors.NOT_FOUND({ plugin: name })
    }
    const env: ForwardedEnv = { rapport: { caller: c.get('caller'), requestId: c.get('requestId') } }
    return target.app.fetch(c.req.raw, { ...(c.env as object | undefined), ...env })
  }
}
