/**
 * @module
 * The content codings Rapport sends (br, gzip): which one a request accepts, which responses are
 * worth compressing, and the compressors (zlib's, on its thread pool, off the event loop).
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

export type Coding = 'br' | 'gzip'

/** Text formats; images, fonts in woff2 and archives are compressed already. */
const COMPRESSIBLE = /^\s*(?:text\/(?!event-stream)[^;\s]+|application\/(?:json|javascript|xml|manifest\+json|[^;\s]+\+json)|image\/svg\+xml)(?:[;\s]|$)/i

/** Whether a response of this Content-Type gains from compression. @example isCompressible('application/json') // true */
export function isCompressible(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType)
}

/**
 * The best coding the request's Accept-Encoding allows: br before gzip at equal weight, none when
 * neither is acceptable (`q=0`) or the header is missing.
 * @example preferredCoding('gzip, deflate, br') // 'br'
 */
export function preferredCoding(acceptEncoding: string | null | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    weights.set(name.trim(), q === undefined ? 1 : Number(q) || 0)
  }
  const weight = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0
  const br = weight('br')
  const gz = weight('gzip')
  if (br > 0 && br >= gz) return 'br'
  return gz > 0 ? 'gzip' : undefined
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Compresses a body; `level` is brotli's quality (0–11) or gzip's level (1–9).
 * @example const body = await compressBody('br', Buffer.from(json), 5)
 */
export function compressBody(coding: Coding, body: Uint8Array, level: number): Promise<Buffer> {
  if (coding === 'gzip') return gzipAsync(body, { level })
  return brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: level, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
}

/** Adds `Accept-Encoding` to a response's Vary header unless it is there (or is `*`). */
export function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get('Vary')
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
}
