import type { PluginDefinition } from '@rapport/core'
import type { z } from 'zod'

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const NAMESPACE = /^[a-z][a-zA-Z0-9]{1,19}$/

/**
 * Declares a plugin. The obvious mistakes (name and namespace patterns) fail here, at import;
 * the host checks everything else at boot with coded errors naming the plugin.
 * @example
 * export default definePlugin({
 *   name: 'vip-birthday', namespace: 'birthday', version: '1.0.0', host: '^1',
 *   config: z.object({ bonus: z.number().int().default(100) }),
 *   profile: { isBirthdayMonth: field.boolean(['Birthday month', '生日月']) },
 *   scoring: [birthdayMonth],
 *   setup(ctx) { ctx.route(birthdaysRoute(ctx)) },
 * })
 */
export function definePlugin<S extends z.ZodType = z.ZodType>(definition: PluginDefinition<S>): PluginDefinition<S> {
  if (!NAME.test(definition.name)) throw new TypeError(`Plugin name "${definition.name}" must be kebab-case (${NAME})`)
  if (!NAMESPACE.test(definition.namespace)) throw new TypeError(`Plugin ${definition.name}: namespace "${definition.namespace}" must match ${NAMESPACE}`)
  return definition
}
