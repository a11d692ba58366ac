/**
 * Abuse against a real server process (listening on every interface, so clients can come from
 * different loopback addresses): brute-force sign-in is throttled and stays throttled for the
 * right password, while another user from another address signs in; flooding a survey's public
 * link from one address gets 429 while another address is served; oversized bodies get a coded
 * 413 (declared or streamed); deeply nested JSON gets a coded 400 and the server lives on; a
 * client trickling its body byte by byte does not hold up anyone else, writes included.
 */
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsSurvey } from '../support/full-app.js'
import { runCli, startServerProcess, tempEnv, type ServerProcess } from '../support/rapport-process.js'
import { OWNER } from '../support/shop-load.js'

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: any; ms: number }

describe('abuse of a real server', () => {
  const env = tempEnv({ HOST: '0.0.0.0' })
  let server: ServerProcess
  let port: number
  let cookie: string

  /** One HTTP request from a chosen loopback address. */
  function send(method: string, path: string, { from = '127.0.0.1', body, headers = {} }: { from?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Answer> {
    const started = Date.now()
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, localAddress: from, headers: { origin: `http://127.0.0.1:${port}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown = text
          try { parsed = JSON.parse(text) } catch { /* not JSON */ }
          resolve({ status: res.statusCode!, headers: res.headers, body: parsed, ms: Date.now() - started })
        })
      })
      req.on('error', reject)
      req.setTimeout(15_000, () => req.destroy(new Error(`no answer: ${method} ${path}`)))
      if (body !== undefined) req.write(body)
      req.end()
    })
  }

  /**
   * A body of `bytes` sent in 64 KiB pieces, declared with Content-Length or chunked, stopping
   * as soon as the server answers (a server refusing by the header answers before reading it).
   */
  function stream(path: string, bytes: number, chunked: boolean): Promise<Answer> {
    const started = Date.now()
    const head = '{"externalId":"big","name":"'
    const piece = Buffer.alloc(64 * 1024, 'a')
    return new Promise((resolve, reject) => {
      let answered = false
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers: { origin: `http://127.0.0.1:${port}`, cookie, 'content-type': 'application/json', ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(head.length + Math.ceil(bytes / piece.length) * piece.length + 2) }) } }, (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try { resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text), ms: Date.now() - started }) } catch { reject(new Error(`not JSON: ${res.statusCode} ${text.slice(0, 200)}`)) }
        })
      })
      req.on('error', (e) => { if (!answered) reject(e) })
      ;(async () => {
        req.write(head)
        for (let sent = 0; sent < bytes && !answered && !req.destroyed; sent += piece.length) {
          if (!req.write(piece)) await new Promise((r) => { req.once('drain', r); setTimeout(r, 200) })
        }
        if (!answered && !req.destroyed) req.end('"}')
      })().catch(() => undefined)
    })
  }

  const expectCoded = (a: Answer, status: number, code: RegExp) => {
    expect(a.status, JSON.stringify(a.body)).toBe(status)
    expect(a.body.error.code).toMatch(code)
    expect(typeof a.body.error.requestId).toBe('string')
  }

  beforeAll(async () => {
    expect((await runCli(['create-admin', '--email', OWNER.email, '--name', 'Owner', '--role', 'owner'], { ...env, RAPPORT_ADMIN_PASSWORD: OWNER.password })).code).toBe(0)
    server = await startServerProcess(env)
    port = Number(new URL(server.url).port)
    const login = await send('POST', '/api/v1/auth/login', { body: JSON.stringify(OWNER) })
    cookie = String(login.headers['set-cookie']).split(';')[0]!
    expect((await send('POST', '/api/v1/users', { headers: { cookie }, body: JSON.stringify({ email: 'agent@reliability.test', name: 'Agent', role: 'agent', password: 'agent-password-1' }) })).status).toBe(201)
  }, 60_000)
  afterAll(async () => { await server?.kill() })

  it('throttles brute-force sign-in, keeps the lock for the right password, and serves another user', async () => {
    const wrong = JSON.stringify({ email: OWNER.email, password: 'guess-0000' })
    const answers: number[] = []
    for (let i = 0; i < 12; i++) answers.push((await send('POST', '/api/v1/auth/login', { from: '127.0.0.2', body: wrong })).status)
    expect(answers.slice(0, 3)).toEqual([401, 401, 401])
    expect(answers.slice(-5)).toEqual([429, 429, 429, 429, 429])
    const right = await send('POST', '/api/v1/auth/login', { from: '127.0.0.2', body: JSON.stringify(OWNER) })
    expectCoded(right, 429, /^AUTH_THROTTLED$/)
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0)
    const other = await send('POST', '/api/v1/auth/login', { from: '127.0.0.3', body: JSON.stringify({ email: 'agent@reliability.test', password: 'agent-password-1' }) })
    expect(other.status).toBe(200)
  })

  it('answers a public-link flood with 429 while another address is served', async () => {
    const created = await send('POST', '/api/p/satisfaction-survey/surveys', { headers: { cookie }, body: JSON.stringify({ name: 'Public NPS', json: npsSurvey, publicLink: { enabled: true } }) })
    expect(created.status).toBe(201)
    expect((await send('POST', `/api/p/satisfaction-survey/surveys/${created.body.id}/versions`, { headers: { cookie } })).status).toBe(201)
    const path = `/api/p/satisfaction-survey/public/${created.body.publicToken}`
    const flood = await Promise.all(Array.from({ length: 60 }, () => send('GET', path, { from: '127.0.0.4' })))
    const limited = flood.filter((a) => a.status === 429)
    expect(limited.length).toBeGreaterThan(0)
    expect(flood.every((a) => a.status === 200 || a.status === 429)).toBe(true)
    expectCoded(limited[0]!, 429, /RATE_LIMITED$/)
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThan(0)
    expect((await send('GET', path, { from: '127.0.0.5' })).status).toBe(200)
  })

  it('refuses oversized bodies with a coded 413, declared or streamed', async () => {
    // Just past each route's limit: a server that refused early closes the connection once the
    // unread rest of a much larger upload passes what it is willing to drain.
    for (const [path, limit] of [['/api/v1/customers', 1024 * 1024], ['/api/p/satisfaction-survey/surveys', 512 * 1024], ['/api/p/complaint-tracking/cases', 1024 * 1024]] as const) {
      expectCoded(await stream(path, limit + 128 * 1024, false), 413, /^REQUEST_BODY_TOO_LARGE$/)
      expectCoded(await stream(path, limit + 128 * 1024, true), 413, /^REQUEST_BODY_TOO_LARGE$/)
    }
    expect((await send('GET', '/api/health')).status).toBe(200)
  })

  it('refuses deeply nested JSON with a coded 400 and keeps serving', async () => {
    for (const body of ['['.repeat(200_000) + ']'.repeat(200_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)]) {
      for (const path of ['/api/v1/customers', '/api/v1/events', '/api/p/complaint-tracking/cases']) {
        const a = await send('POST', path, { headers: { cookie }, body })
        expect(a.status, `${path} ${JSON.stringify(a.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400)
        expect(a.status).toBeLessThan(500)
        expect(a.body.error.code).toMatch(/^REQUEST_/)
      }
    }
    expect((await send('GET', '/api/health')).status).toBe(200)
  })

  it('serves others, writes included, while a client trickles its body', async () => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.6' })
    await new Promise((r) => socket.once('connect', r))
    const body = JSON.stringify({ externalId: 'slow-client', name: 'Slow' })
    socket.write(`POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
    let reply = ''
    socket.on('data', (d) => { reply += d })
    const trickle = (async () => {
      for (const ch of body) {
        socket.write(ch)
        await new Promise((r) => setTimeout(r, 60))
      }
    })()
    await new Promise((r) => setTimeout(r, 300))
    const others: Answer[] = []
    for (let i = 0; i < 10; i++) {
      others.push(await send('GET', '/api/health', { from: '127.0.0.7' }))
      others.push(await send('POST', '/api/v1/customers', { from: '127.0.0.7', headers: { cookie }, body: JSON.stringify({ externalId: `fast-${i}` }) }))
    }
    expect(reply).toBe('') // the slow body is still arriving
    expect(others.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => [200, 201]).flat())
    expect(Math.max(...others.map((a) => a.ms))).toBeLessThan(1_000)
    await trickle
    await new Promise<void>((resolve) => { const check = () => (reply.includes('\r\n\r\n') ? resolve() : setTimeout(check, 20)); check() })
    expect(reply).toMatch(/^HTTP\/1\.1 201/)
    socket.destroy()
  })
})
