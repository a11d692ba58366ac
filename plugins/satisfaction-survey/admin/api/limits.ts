/**
 * @module
 * A survey's caps, sampling and quotas (`/surveys/{id}/limits`), typed from the server's schemas.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type { surveyLimitsSchema, surveyLimitsView } from '../../shared/limit-schemas'
import { surveyApi } from './surveys'

/** The limits as the server shows them, with the counts so far. */
export type LimitsView = z.infer<typeof surveyLimitsView>
/** What `PUT` takes. */
export type LimitsInput = z.input<typeof surveyLimitsSchema>

const path = (surveyId: string) => `${surveyApi}/surveys/${encodeURIComponent(surveyId)}/limits`
export const getLimits = (surveyId: string, signal?: AbortSignal) => apiRequest<LimitsView>(path(surveyId), { signal })
export const putLimits = (surveyId: string, body: LimitsInput) => apiRequest<LimitsView>(path(surveyId), { method: 'PUT', body })
