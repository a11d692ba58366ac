/**
 * @module
 * What the answer pipeline needs from the plugin context, plus the per-process caches of
 * published versions and their compiled validators, and the group commit of completions.
 */
import type { GroupTx, PluginContext } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import type { CompiledVersions } from '../surveys/compiled-versions.js'
import type { PublishedVersions } from '../surveys/published-versions.js'

/** @example await completeByLink(ctx.db, { ...ctx, compiled, versions, groupTx }, token, surveyId, body) */
export type AnswerDeps = Pick<PluginContext<SurveyConfig>, 'config' | 'now' | 'emit' | 'updateProfile' | 'readProfile' | 'timeZone'> & {
  compiled: CompiledVersions
  /** Published versions, read once per process. */
  versions: PublishedVersions
  /** The transaction of an answer write (a partial save, a completion), shared with concurrent ones on SQLite. */
  groupTx: GroupTx
}
