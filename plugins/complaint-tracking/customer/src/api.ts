/**
 * @module
 * The complaint API as the customer page calls it: a case through a customer link (the token in
 * the `x-rapport-link` header) and the anonymous public form.
 */
const BASE = '/api/p/complaint-tracking'

/** A refusal as the API coded it; `NETWORK` when the server could not be reached. */
export class ComplaintApiError extends Error {
  constructor(readonly code: string, readonly status: number, readonly details: Record<string, unknown> = {}) {
    super(code)
  }
}

/** What a customer sees of their case (the server leaves out notes, assignee, contact and SLA). */
export type CustomerCase = {
  id: string; caseNumber: string; status: string; category: string; description: string; orderRef: string | null; createdAt: string
  resolutionCode: string | null; resolutionSummary: string | null; allowedTransitions: string[]
  messages: Array<{ id: string; visibility: 'customer' | 'internal'; body: string; author: string; createdAt: string }>
  attachments: Array<{ id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: string }>
}

/** `GET /form`. */
export type FormInfo = {
  enabled: boolean
  categories: Array<{ id: string; label: string; parent?: string }>
  attachments: { maxBytes: number; maxPerCase: number; types: string[] }
}

export type FileUpload = { fileName: string; contentType: string; dataBase64: string }

async function call<T>(path: string, init: { method?: string; body?: unknown; link?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  if (init.link) headers['x-rapport-link'] = init.link
  let res: Response
  try {
    res = await fetch(`${BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? null : JSON.stringify(init.body), credentials: 'omit' })
  } catch {
    throw new ComplaintApiError('NETWORK', 0)
  }
  const json = (await res.json().catch(() => undefined)) as { error?: { code?: string; details?: Record<string, unknown> } } | undefined
  if (!res.ok) throw new ComplaintApiError(json?.error?.code ?? 'UNKNOWN', res.status, json?.error?.details ?? {})
  return json as T
}

export const getCase = (link: string, caseId: string) => call<CustomerCase>(`/cases/${encodeURIComponent(caseId)}`, { link })

/** One line of the customer's own cases (`GET /me/cases`). */
export type CaseSummary = { id: string; caseNumber: string; status: string; category: string; description: string; createdAt: string; updatedAt: string }
export const myCases = (link: string, cursor?: string) =>
  call<{ items: CaseSummary[]; nextCursor: string | null }>(`/me/cases?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { link })

/** `POST /me/cases`: the customer files a case for themselves. */
export const fileMyCase = (link: string, body: { category: string; description: string; orderRef?: string }) =>
  call<{ id: string; caseNumber: string }>('/me/cases', { method: 'POST', link, body })

/** `POST /cases/{id}/attachments` through the link. */
export const attach = (link: string, caseId: string, files: FileUpload[]) =>
  call(`/cases/${encodeURIComponent(caseId)}/attachments`, { method: 'POST', link, body: { files } })

/** The form's case through its tracking token (sent in the body, never in a URL). */
export const getTracked = (token: string) => call<CustomerCase>('/tracking', { method: 'POST', body: { token } })
export const replyTracked = (token: string, body: string) => call('/tracking/messages', { method: 'POST', body: { token, body } })

/** The customer's reply on their own case (`POST /me/cases/{id}/messages`: the body only; it is always visible to them). */
export const reply = (link: string, caseId: string, body: string) =>
  call(`/me/cases/${encodeURIComponent(caseId)}/messages`, { method: 'POST', link, body: { body } })

/** The attachment's bytes through the link, as an object URL to download. */
export async function attachmentUrl(link: string, caseId: string, attachmentId: string): Promise<string> {
  const res = await fetch(`${BASE}/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`, { headers: { 'x-rapport-link': link }, credentials: 'omit' })
  if (!res.ok) throw new ComplaintApiError('UNKNOWN', res.status)
  return URL.createObjectURL(await res.blob())
}

export const getFormInfo = () => call<FormInfo>('/form')

export type FormBody = { name: string; email?: string; phone?: string; category: string; description: string; orderRef?: string; files?: FileUpload[] }
export const submitForm = (body: FormBody) => call<{ caseId: string; caseNumber: string; createdAt: string; trackingToken: string }>('/form', { method: 'POST', body })

/** Reads a browser File as the JSON upload the server takes. */
export async function toUpload(file: File): Promise<FileUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { fileName: file.name, contentType: file.type || 'application/octet-stream', dataBase64: btoa(binary) }
}

/** A refusal as a sentence. */
export function errorText(t: (key: string, values?: Record<string, string | number>) => string, err: unknown): string {
  if (!(err instanceof ComplaintApiError)) return t('errors.UNKNOWN')
  const minutes = Math.max(1, Math.ceil(Number(err.details.retryAfterSeconds ?? 60) / 60))
  const text = t(`errors.${err.code}`, { minutes })
  return text === `errors.${err.code}` ? t('errors.UNKNOWN') : text
}
