/**
 * @module
 * The survey's public API as the customer page calls it: through a customer link (the token in
 * the `x-rapport-link` header) or through the public link (client id and proof of work).
 */
import type { PageLocale } from '../i18n/messages'

const BASE = '/api/p/satisfaction-survey'

/** What `GET /respond` and `GET /public/{token}` answer. */
export type SurveyForm = {
  surveyId: string
  version: number
  json: Record<string, unknown>
  locales: string[]
  locale: string
  theme: { brandColor?: string; logoUrl?: string }
  status: 'created' | 'opened' | 'partial' | 'completed' | 'open'
  answers: Record<string, unknown>
  hidden: Record<string, unknown>
  responseId: string | null
  expiresAt: string | null
  clientId?: string
  proofOfWorkBits?: number
}

/** A refusal as the API coded it; `NETWORK` when the server could not be reached. */
export class SurveyApiError extends Error {
  constructor(readonly code: string, readonly status: number, readonly details: Record<string, unknown> = {}) {
    super(code)
  }

  /** Questions the server named (`details.issues[].question`, else `details.questions`). */
  get questions(): Array<{ question: string; code: string }> {
    const issues = this.details.issues
    if (Array.isArray(issues)) return issues.map((i: { question?: unknown; code?: unknown }) => ({ question: String(i.question ?? ''), code: String(i.code ?? '') }))
    const names = this.details.questions
    return Array.isArray(names) ? names.map((q) => ({ question: String(q), code: '' })) : []
  }
}

/** A proof of work found for a challenge. */
export type Proof = { challenge: string; nonce: string }

/** Where the page's answers go. */
export type SurveyTarget = { kind: 'link'; token: string } | { kind: 'public'; token: string }

/** Calls the API and turns any refusal into a SurveyApiError. @example await callApi('/respond', { headers }) */
export async function callApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(`${BASE}${path}`, { ...init, credentials: 'same-origin', headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } })
  } catch {
    throw new SurveyApiError('NETWORK', 0)
  }
  const body = await res.json().catch(() => undefined) as { error?: { code?: string; details?: Record<string, unknown> } } | undefined
  if (!res.ok) throw new SurveyApiError(body?.error?.code ?? 'INTERNAL_ERROR', res.status, body?.error?.details ?? {})
  return body as T
}

const linkHeaders = (token: string) => ({ 'x-rapport-link': token })

/**
 * The form for this link, in `locale` when the survey offers it. `prefill`, the signed answers a
 * customer link carries (`?prefill=`, a score clicked in an e-mail), is saved by the server and
 * comes back in the form's answers.
 */
export function loadForm(target: SurveyTarget, locale?: PageLocale, prefill?: string | null): Promise<SurveyForm> {
  const params = new URLSearchParams()
  if (locale) params.set('locale', locale)
  if (prefill && target.kind === 'link') params.set('prefill', prefill)
  const query = params.size > 0 ? `?${params}` : ''
  if (target.kind === 'link') return callApi<SurveyForm>(`/respond${query}`, { headers: linkHeaders(target.token) })
  return callApi<SurveyForm>(`/public/${encodeURIComponent(target.token)}${query}`)
}

/** Saves the answers so far (customer links only). `keepalive` lets it finish while the page hides. */
export function savePartial(target: SurveyTarget, surveyId: string, answers: Record<string, unknown>, locale: string, keepalive = false): Promise<{ savedAt: string }> {
  return callApi(`/respond/${encodeURIComponent(surveyId)}/partial`, {
    method: 'POST', keepalive, headers: linkHeaders(target.token), body: JSON.stringify({ answers, locale }),
  })
}

/** A new proof-of-work challenge for the public link. */
export function newChallenge(token: string): Promise<{ challenge: string; bits: number; expiresAt: string }> {
  return callApi(`/public/${encodeURIComponent(token)}/challenges`, { method: 'POST' })
}

/** Completes the response; the public link also sends the client id and the proof. */
export function complete(target: SurveyTarget, form: SurveyForm, answers: Record<string, unknown>, locale: string, proof?: Proof): Promise<{ responseId: string; completedAt: string }> {
  if (target.kind === 'link') {
    return callApi(`/respond/${encodeURIComponent(form.surveyId)}/complete`, { method: 'POST', headers: linkHeaders(target.token), body: JSON.stringify({ answers, locale }) })
  }
  return callApi(`/public/${encodeURIComponent(target.token)}/responses`, {
    method: 'POST', body: JSON.stringify({ answers, locale, clientId: form.clientId, ...(proof ? { proof } : {}) }),
  })
}
