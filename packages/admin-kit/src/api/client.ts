/**
 * @module
 * The fetch wrapper every API call goes through: same-origin cookies, JSON in and out,
 * and an `ApiError` for anything that is not a 2xx.
 */
import { ApiError, apiErrorFrom, clientErrorCodes } from './api-error'

export { ApiError, isApiError } from './api-error'

/** Query-string values; `undefined`, `null` and `''` are left out; a list repeats the parameter. */
export type QueryParams = Record<string, string | number | boolean | null | undefined | readonly string[]>

/** Options of one API call. */
export type ApiRequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: QueryParams
  body?: unknown
  signal?: AbortSignal
}

const withQuery = (path: string, query: QueryParams | undefined): string => {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') params.append(key, String(one))
    }
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

const readJson = async (res: Response): Promise<unknown> => {
  if (res.status === 204) return undefined
  const text = await res.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * Calls the API and returns the parsed JSON body.
 * @param path absolute path, e.g. `/api/v1/customers`
 * @throws ApiError with the server's code, or `NETWORK_ERROR` when the server could not be reached
 * @example const page = await apiRequest<Page<Customer>>('/api/v1/customers', { query: { limit: 50 } })
 */
export async function apiRequest<T>(path: string, { method = 'GET', query, body, signal }: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError({ status: 0, code: clientErrorCodes.network, message: 'The server could not be reached', cause })
  }
  const json = await readJson(res)
  if (!res.ok) throw apiErrorFrom(res.status, json)
  return json as T
}
