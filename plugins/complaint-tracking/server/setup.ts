/**
 * @module
 * Mounts the routes on `ctx`. Registers only.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { ComplaintsConfig } from './config.js'
import { assignmentRoute } from './routes/assignment.js'
import { createCaseRoute, getCaseRoute, listCasesRoute } from './routes/cases.js'
import { messageRoute } from './routes/messages.js'
import { transitionRoute } from './routes/transitions.js'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: PluginContext<ComplaintsConfig>): void {
  for (const route of [createCaseRoute, listCasesRoute, getCaseRoute, transitionRoute, messageRoute, assignmentRoute]) ctx.route(route(ctx))
}
