/**
 * @module
 * br/gzip for the responses the app builds (JSON, HTML pages), by the request's Accept-Encoding.
 * It wraps the app's fetch rather than being a middleware, so it sees every response whichever
 * route (core, plugin, page) answered. Responses already encoded (the precompressed static files,
 * static-files.ts), below the threshold, not text, partial or marked `no-transform` pass unchanged.
 */
import { compressBody, isCompressible, preferredCoding, varyOnAcceptEncoding } from './content-coding.js'

export type CompressResponsesOptions = {
  /** Bodies smaller than this many bytes are sent as they are: compressing them gains little. */
  threshold?: number
  /** Brotli quality for responses built per request: speed matters more than the last bytes. */
  brotliQuality?: number
  gzipLevel?: number
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>

/**
 * @example serve({ fetch: compressResponses(app.fetch), port })
 */
export function compressResponses(fetch: Fetch, { threshold = 1024, brotliQuality = 5, gzipLevel = 6 }: CompressResponsesOptions = {}): Fetch {
  return async function compressedFetch(request, env) {
    const res = await fetch(request, env)
    if (!isCompressible(res.headers.get('Content-Type')) || res.headers.has('Content-Encoding') || !res.body) return res
    if (res.status < 200 || res.status === 204 || res.status === 206 || res.status >= 300 && res.status < 400) return res
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return res
    const length = res.headers.get('Content-Length')
    if (length !== null && Number(length) < threshold) return res
    const coding = preferredCoding(request.headers.get('Accept-Encoding'))
    if (!coding || request.method === 'HEAD') {
      varyOnAcceptEncoding(res.headers)
      return res
    }
    const body = new Uint8Array(await res.arrayBuffer())
    const headers = new Headers(res.headers)
    if (body.byteLength < threshold) return new Response(body, { status: res.status, statusText: res.statusText, headers })
    const compressed = await compressBody(coding, body, coding === 'br' ? brotliQuality : gzipLevel)
    varyOnAcceptEncoding(headers)
    headers.set('Content-Encoding', coding)
    headers.set('Content-Length', String(compressed.byteLength))
    const etag = headers.get('ETag')
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`)
    return new Response(compressed, { status: res.status, statusText: res.statusText, headers })
  }
}
