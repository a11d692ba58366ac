/**
 * @module
 * What the case functions need from the plugin context. Routes pass `ctx` itself.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { ComplaintsConfig } from '../config.js'

/** @example await openCase(tx, ctx, input) */
export type CaseDeps = Pick<PluginContext<ComplaintsConfig>, 'config' | 'now' | 'emit' | 'updateProfile' | 'readProfile' | 'timeZone'>
