/**
 * @module
 * Stored responses: the list of a survey and one response.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type { responseSchema } from '../../shared/schemas'
import { surveyApi } from './surveys'

/** One stored response. */
export type SurveyResponse = z.infer<typeof responseSchema>

export const listResponses = (surveyId: string, cursor: string | undefined, signal?: AbortSignal) =>
  apiRequest<{ items: SurveyResponse[]; nextCursor: string | null }>(`${surveyApi}/responses`, { query: { surveyId, cursor, limit: 20 }, signal })

export const getResponse = (id: string, signal?: AbortSignal) => apiRequest<SurveyResponse>(`${surveyApi}/responses/${encodeURIComponent(id)}`, { signal })
