/**
 * @module
 * Serves a build folder (the admin's, a plugin's pages) with each text file compressed once per
 * process: `<file>.br` / `<file>.gz` beside it when a build wrote them, else compressed on its
 * first request (zlib's thread pool) and kept in memory. Every file gets a strong ETag (a hash of
 * its bytes, one per coding) and answers a matching If-None-Match with 304. A file changed on disk
 * (size or time) is read again. GET and HEAD only; no ranges.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { Context, MiddlewareHandler } from 'hono'
import { getMimeType } from 'hono/utils/mime'
import { compressBody, isCompressible, preferredCoding, varyOnAcceptEncoding, type Coding } from './content-coding.js'

export type StaticFilesOptions = {
  /** The folder served. */
  root: string
  /** Maps the request path to a path inside `root` (e.g. strips the mount point). */
  rewriteRequestPath?: (path: string) => string
  /** Cache-Control of a file, by its path inside `root`. */
  cacheControl?: (path: string) => string
  /** Files smaller than this many bytes are not compressed. */
  threshold?: number
}

type Entry = {
  size: number
  mtimeMs: number
  type: string
  hash: string
  body: Buffer
  encoded: Partial<Record<Coding, Promise<Buffer>>>
  compressible: boolean
}

/** Brotli's best quality costs seconds on a megabyte: files above this size get quality 9. */
const BEST_QUALITY_UP_TO = 256 * 1024
const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' }

/**
 * A middleware answering with the file the path names, or calling `next()` when there is none.
 * @example app.use('/admin/*', staticFiles({ root: adminDir, rewriteRequestPath: (p) => p.slice(6) }))
 */
export function staticFiles({ root, rewriteRequestPath = (p) => p, cacheControl = () => 'no-cache', threshold = 1024 }: StaticFilesOptions): MiddlewareHandler {
  const base = resolve(root)
  const entries = new Map<string, Promise<Entry | undefined>>()

  async function load(file: string, previous: Promise<Entry | undefined> | undefined): Promise<Entry | undefined> {
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) return undefined
    const known = await previous
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known
    const body = await readFile(file)
    const type = getMimeType(file) ?? 'application/octet-stream'
    const entry: Entry = {
      size: info.size, mtimeMs: info.mtimeMs, type, body, encoded: {},
      hash: createHash('sha256').update(body).digest('base64url').slice(0, 22),
      compressible: isCompressible(type) && info.size >= threshold,
    }
    for (const coding of ['br', 'gzip'] as const) if (existsSync(file + SUFFIX[coding])) entry.encoded[coding] = readFile(file + SUFFIX[coding])
    return entry
  }

  return async function staticFile(c: Context, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    // c.req.path is decoded already; the resolved file must stay inside the folder.
    const path = rewriteRequestPath(c.req.path)
    const file = resolve(base, `.${path.startsWith('/') ? '' : '/'}${path}`)
    if (path.includes('\0') || !file.startsWith(base + sep)) return next()
    const loading = load(file, entries.get(file))
    entries.set(file, loading.catch(() => undefined))
    const entry = await loading
    if (!entry) {
      entries.delete(file)
      return next()
    }
    const coding = entry.compressible ? preferredCoding(c.req.header('Accept-Encoding')) : undefined
    const headers = new Headers({ 'Content-Type': entry.type.startsWith('text/') || entry.type.includes('javascript') ? withCharset(entry.type) : entry.type, 'Cache-Control': cacheControl(file.slice(base.length).split(sep).join('/')) })
    if (entry.compressible) varyOnAcceptEncoding(headers)
    const etag = `"${entry.hash}${coding ? `-${coding}` : ''}"`
    headers.set('ETag', etag)
    if (matches(c.req.header('If-None-Match'), entry.hash)) return new Response(null, { status: 304, headers })
    let body = entry.body
    if (coding) {
      entry.encoded[coding] ??= compressBody(coding, entry.body, coding === 'br' ? (entry.size <= BEST_QUALITY_UP_TO ? 11 : 9) : 9)
      body = await entry.encoded[coding]!
      headers.set('Content-Encoding', coding)
    }
    headers.set('Content-Length', String(body.byteLength))
    return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers })
  }
}

const withCharset = (type: string) => (type.includes('charset') ? type : `${type}; charset=utf-8`)

/** Whether If-None-Match names this file's content, in any of its codings. */
function matches(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '')
    return t === '*' || t.replace(/^"|"$/g, '').replace(/-(br|gzip)$/, '') === hash
  })
}
