/**
 * @module
 * What the answer pipeline needs from the plugin context, plus the compiled validators.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import type { CompiledVersions } from '../surveys/compiled-versions.js'

/** @example await completeByLink(ctx.db, { ...ctx, compiled }, token, surveyId, body) */
export type AnswerDeps = Pick<PluginContext<SurveyConfig>, 'config' | 'now' | 'emit' | 'updateProfile' | 'readProfile'> & { compiled: CompiledVersions }
