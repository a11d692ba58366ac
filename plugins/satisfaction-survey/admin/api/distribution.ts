/**
 * @module
 * Customer links, invitations and the customer picker's search.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type { invitationSchema, issuedInvitationSchema } from '../../shared/schemas'
import { surveyApi } from './surveys'

/** An invitation as staff see it. */
export type Invitation = z.infer<typeof invitationSchema>
/** A new invitation with its token and `/s/<token>` URL (shown once). */
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>
/** A customer as the picker shows it. */
export type CustomerOption = { id: string; externalId: string; name: string | null; email?: string | null }

export const listInvitations = (surveyId: string, signal?: AbortSignal) =>
  apiRequest<{ items: Invitation[] }>(`${surveyApi}/invitations`, { query: { surveyId, limit: 100 }, signal })

export const createInvitation = (surveyId: string, body: { customerId: string; locale?: string; ttlDays?: number; ignoreQuietPeriod?: boolean }) =>
  apiRequest<IssuedInvitation>(`${surveyApi}/surveys/${encodeURIComponent(surveyId)}/invitations`, { method: 'POST', body })

export const searchCustomers = (q: string, signal?: AbortSignal) =>
  apiRequest<{ items: CustomerOption[] }>('/api/v1/customers', { query: { q, limit: 20 }, signal })

/** An absolute URL for a path the server gave (`/s/<token>`), on the admin's own origin. */
export const absoluteUrl = (path: string): string => new URL(path, window.location.origin).toString()
