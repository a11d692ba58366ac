/**
 * @module
 * Saved segment calls of the core API (`/api/v1/segments`).
 */
import { apiRequest } from '@rapport/admin-kit'

/** A condition's operator, as the server's profile filters name them. */
export type SegmentOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'exists'

/** One condition on a profile field. */
export type SegmentCondition = { field: string; op: SegmentOp; value?: string | number | boolean | Array<string | number> }

/** Conditions joined by all (AND) or any (OR). */
export type SegmentGroup = { match: 'all' | 'any'; conditions: SegmentCondition[] }

/** Groups joined by all or any. */
export type SegmentDefinition = { match: 'all' | 'any'; groups: SegmentGroup[] }

/** A saved segment. */
export type Segment = { id: string; name: string; definition: SegmentDefinition; createdBy: string | null; createdAt: string; updatedAt: string }

const path = (id: string) => `/api/v1/segments/${encodeURIComponent(id)}`

export const listSegments = (signal?: AbortSignal) => apiRequest<{ items: Segment[] }>('/api/v1/segments', { signal })

export const countSegment = (id: string, signal?: AbortSignal) => apiRequest<{ count: number }>(`${path(id)}/count`, { signal })

/** The count of a definition not saved yet. */
export const previewSegment = (definition: SegmentDefinition, signal?: AbortSignal) =>
  apiRequest<{ count: number }>('/api/v1/segments/preview', { method: 'POST', body: { definition }, signal })

export const createSegment = (body: { name: string; definition: SegmentDefinition }) => apiRequest<Segment>('/api/v1/segments', { method: 'POST', body })

export const replaceSegment = (id: string, body: { name: string; definition: SegmentDefinition }) => apiRequest<Segment>(path(id), { method: 'PUT', body })

export const deleteSegment = (id: string) => apiRequest<Segment>(path(id), { method: 'DELETE' })

/** Where the CSV export is served as an attachment. */
export const segmentCsvHref = (id: string) => `${path(id)}/export.csv`
