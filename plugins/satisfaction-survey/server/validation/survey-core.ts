/**
 * @module
 * survey-core for the server's checks, loaded when the first survey is compiled or checked rather
 * than at start: 1.8 MB of JavaScript, about 0.2 s of CPU and 30 MB of memory, which a server that
 * only takes orders never needs. Its CommonJS build (the same release as the ESM one).
 */
import { createRequire } from 'node:module'
import type * as SurveyCore from 'survey-core'

let loaded: typeof SurveyCore | undefined

/** @example surveyCore().Helpers.isValueEmpty(value) */
export const surveyCore = (): typeof SurveyCore => (loaded ??= createRequire(import.meta.url)('survey-core') as typeof SurveyCore)
