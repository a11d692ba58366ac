/**
 * @module
 * What the analytics and export routes need: the database, the clock, the log, the audit log and the compiled versions.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import type { CompiledVersions } from '../surveys/compiled-versions.js'

/** @example analyticsRoutes(Object.assign(Object.create(ctx), { compiled })) */
export type AnalyticsDeps = Pick<PluginContext<SurveyConfig>, 'db' | 'now' | 'log' | 'audit'> & { compiled: CompiledVersions }
