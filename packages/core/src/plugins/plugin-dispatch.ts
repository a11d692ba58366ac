import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env.js'
import type { ForwardedEnv } from './plugin-app.js'
import { pluginErrors } from './plugin-errors.js'
import type { PluginHost } from './plugin-host.js'

/**
 * Routes `/api/p/<name>/…` to the plugin's current app, passing the resolved caller along. A
 * disabled or failed plugin answers 404 PLUGIN_NOT_ACTIVE: its routes are gone without a restart.
 * @example app.all('/api/p/:plugin/*', pluginDispatch(host))
 */
export function pluginDispatch(host: PluginHost): MiddlewareHandler<AppEnv> {
  return async function pluginDispatchOf(c) {
    const name = c.req.param('plugin') ?? ''
    const target = host.appOf(name)
    if (!target) {
      const state = host.definitions().some((d) => d.name === name) ? host.status(name).state : undefined
      throw state ? pluginErrors.NOT_ACTIVE({ plugin: name, state }) : pluginErrors.NOT_FOUND({ plugin: name })
    }
    const env: ForwardedEnv = { rapport: { caller: c.get('caller'), requestId: c.get('requestId') } }
    return target.app.fetch(c.req.raw, { ...(c.env as object | undefined), ...env })
  }
}
