/**
 * @module
 * The sentence that says what went wrong the last time a plugin failed on an event: which rule or
 * subscriber, on which event type, and why (what the plugin threw, or the translated coded error).
 */
import { codedErrorMessage } from '@rapport/admin-kit'
import type { TFunction } from 'i18next'
import type { PluginFailures } from '../../api/types'

/**
 * @example lastFailureMessage(t, plugin.failures.last!) // "Rule spend failed on order.completed: spend rule exploded"
 */
export const lastFailureMessage = (t: TFunction, last: NonNullable<PluginFailures['last']>): string =>
  t(`plugins.failures.${last.kind}`, { handler: last.handler, type: last.event.type, reason: last.reason ?? codedErrorMessage(t, last.error) })
