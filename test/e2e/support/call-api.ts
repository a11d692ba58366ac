/**
 * @module
 * Calls the running server's API with a session cookie, as the admin pages would (same origin),
 * so a browser test can set up its data without clicking through pages.
 */

/**
 * Sends `body` as JSON to `url` on `baseUrl` with `cookie`; throws naming the call and its answer
 * unless the status is 2xx.
 * @example const survey = await callApi<{ id: string }>(server.url, cookie, 'POST', '/api/p/satisfaction-survey/surveys', { name: 'NPS', templateId: 'nps' })
 */
export async function callApi<T>(baseUrl: string, cookie: string, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, { method, headers: { cookie, origin: baseUrl, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
  return json
}
