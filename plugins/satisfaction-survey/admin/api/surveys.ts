/**
 * @module
 * The survey calls the admin pages make (`/api/p/satisfaction-survey/*`): surveys, versions and
 * templates. Shapes come from the plugin's shared schemas (types only, nothing reaches the bundle).
 */
import { apiRequest } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type { publicLinkSchema, surveySchema, templateSchema, triggerSchema, updateSurveyRequest, versionSchema } from '../../shared/schemas'

/** A survey with its draft and distribution settings. */
export type Survey = z.infer<typeof surveySchema>
/** One published, read-only version. */
export type SurveyVersion = z.infer<typeof versionSchema>
/** A built-in template. */
export type SurveyTemplate = z.infer<typeof templateSchema>
/** What `PUT /surveys/{id}` takes. */
export type SurveyUpdate = z.input<typeof updateSurveyRequest>
/** An event trigger. */
export type SurveyTrigger = z.infer<typeof triggerSchema>
/** Public link settings. */
export type PublicLink = z.infer<typeof publicLinkSchema>
/** A survey JSON document (SurveyJS). */
export type SurveyJson = Record<string, unknown>

/** Root of the plugin's API. */
export const surveyApi = '/api/p/satisfaction-survey'
const surveyPath = (id: string) => `${surveyApi}/surveys/${encodeURIComponent(id)}`

export const listSurveys = (signal?: AbortSignal) => apiRequest<{ items: Survey[] }>(`${surveyApi}/surveys`, { signal })

export const getSurvey = (id: string, signal?: AbortSignal) => apiRequest<Survey>(surveyPath(id), { signal })

export const listTemplates = (signal?: AbortSignal) => apiRequest<{ items: SurveyTemplate[] }>(`${surveyApi}/templates`, { signal })

export const createSurvey = (body: { name: string; templateId?: string; json?: SurveyJson; locales?: string[]; defaultLocale?: string }) =>
  apiRequest<Survey>(`${surveyApi}/surveys`, { method: 'POST', body })

export const updateSurvey = (id: string, body: SurveyUpdate) => apiRequest<Survey>(surveyPath(id), { method: 'PUT', body })

export const deleteSurvey = (id: string) => apiRequest<void>(surveyPath(id), { method: 'DELETE' })

export const archiveSurvey = (id: string) => apiRequest<Survey>(`${surveyPath(id)}/archive`, { method: 'POST' })

export const publishSurvey = (id: string) => apiRequest<SurveyVersion>(`${surveyPath(id)}/versions`, { method: 'POST' })

export const listVersions = (id: string, signal?: AbortSignal) => apiRequest<{ items: SurveyVersion[] }>(`${surveyPath(id)}/versions`, { signal })

export const getVersion = (id: string, version: number, signal?: AbortSignal) => apiRequest<SurveyVersion>(`${surveyPath(id)}/versions/${version}`, { signal })
