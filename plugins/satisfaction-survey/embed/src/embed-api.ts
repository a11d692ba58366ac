/**
 * @module
 * The public-link calls the widget makes from another site: CORS, never credentials (the
 * browser's client id is kept in this site's localStorage instead of a cookie).
 */

/** A refusal by its code (`NETWORK` when the server could not be reached). */
export class EmbedApiError extends Error {
  constructor(readonly code: string) { super(code) }
}

/** The part of the public form the widget reads. */
export type EmbedForm = { json: Record<string, unknown>; theme?: { brandColor?: string }; locale: string; status: string; clientId: string; proofOfWorkBits: number }

/** @example const api = embedApi('https://surveys.shop.example', token) */
export function embedApi(origin: string, token: string) {
  const base = `${origin}/api/p/satisfaction-survey/public/${encodeURIComponent(token)}`
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    let res: Response
    try {
      res = await fetch(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST', mode: 'cors', credentials: 'omit',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch {
      throw new EmbedApiError('NETWORK')
    }
    const json = await res.json().catch(() => undefined) as { error?: { code?: string } } | undefined
    if (!res.ok) throw new EmbedApiError(json?.error?.code ?? 'INTERNAL_ERROR')
    return json as T
  }
  return {
    form: (locale: string) => call<EmbedForm>(`?locale=${encodeURIComponent(locale)}`),
    challenge: () => call<{ challenge: string; bits: number }>('/challenges', {}),
    respond: (body: { answers: Record<string, unknown>; locale: string; clientId: string; proof?: { challenge: string; nonce: string } }) =>
      call<{ responseId: string }>('/responses', body),
  }
}
