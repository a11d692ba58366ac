/**
 * @module
 * The delivery worker: polls `core_deliveries` and hands each due event to its after-commit
 * subscriber, at least once, with retries. Any number of workers (in one or several processes)
 * may share a database: a delivery is claimed by one conditional UPDATE, and a crashed
 * worker's claims expire and are retried.
 */
import { hostname } from 'node:os'
import { randomToken } from '../crypto/tokens.js'
import type { CoreServices } from '../services.js'
import { deliveryBackoff } from './delivery-backoff.js'
import { dueDeliveries } from './delivery-claims.js'
import { deliverOne } from './deliver-one.js'
import { DELIVERY_RETENTION_MS, pruneDeliveries } from './prune-deliveries.js'

/** Options of {@link createDeliveryWorker}. */
export type DeliveryWorkerOptions = {
  /** Names this worker in claims and logs; unique per process by default. */
  workerId?: string
  /** Wait between polls when nothing was due. */
  pollMs?: number
  /** Deliveries taken per poll. */
  batch?: number
  /** Subscribers called at the same time within a poll. */
  concurrency?: number
  /** Wait after the failed attempt `attempt` (from 1); default {@link deliveryBackoff}. */
  backoff?: (attempt: number) => number
  /** A subscriber running longer fails the attempt. */
  handlerTimeoutMs?: number
  /** Extra claim time beyond the timeout before another worker may take a delivery over. */
  claimMarginMs?: number
  /** How long a delivery of a disabled plugin waits before it is looked at again (no attempt counted). */
  inactiveRecheckMs?: number
  /** How long a done delivery is kept before it is deleted (default seven days). */
  retentionMs?: number
  /** How often a worker deletes the done deliveries past retention (default hourly, and at start). */
  pruneEveryMs?: number
}

/** A running (or stoppable) worker. */
export type DeliveryWorker = {
  /** Starts polling; a second call while running does nothing. */
  start(): void
  /** Stops polling and waits for the attempts in progress (each ends by its timeout at the latest). */
  stop(): Promise<void>
  /** One poll: attempts the due deliveries; resolves to how many attempts it made. Never rejects. */
  runOnce(): Promise<number>
  /** Polls until nothing is due, or `timeoutMs` passed (default 10 s). */
  drain(timeoutMs?: number): Promise<void>
}

/**
 * Creates a delivery worker. The host starts one per process after boot and stops it on shutdown.
 * @param s - the services (database, clock, logger, live plugins)
 * @param options - polling, batching, backoff and timeouts
 * @example
 * const worker = createDeliveryWorker(services, { pollMs: 250 })
 * worker.start()
 * process.on('SIGTERM', () => void worker.stop())
 */
export function createDeliveryWorker(
  s: CoreServices,
  {
    workerId = `${hostname()}:${process.pid}:${randomToken(4)}`,
    pollMs = 250,
    batch = 20,
    concurrency = 4,
    backoff = deliveryBackoff,
    handlerTimeoutMs = 30_000,
    claimMarginMs = 30_000,
    inactiveRecheckMs = 60_000,
    retentionMs = DELIVERY_RETENTION_MS,
    pruneEveryMs = 3600_000,
  }: DeliveryWorkerOptions = {},
): DeliveryWorker {
  const log = s.log.child({ component: 'delivery-worker', workerId })
  const deliverOptions = { workerId, backoff, handlerTimeoutMs, claimMarginMs, inactiveRecheckMs }
  const polls = new Set<Promise<number>>()
  let stopping = false
  let loop: Promise<void> | undefined
  let wake: (() => void) | undefined
  let prunedAt = Number.NEGATIVE_INFINITY

  async function pruneWhenDue(): Promise<void> {
    const now = s.now().getTime()
    if (now - prunedAt < pruneEveryMs) return
    prunedAt = now
    try {
      await pruneDeliveries(s.db, new Date(now - retentionMs).toISOString())
    } catch (err) {
      log.error({ err }, 'could not prune done deliveries')
    }
  }

  async function poll(): Promise<number> {
    await pruneWhenDue()
    try {
      const queue = await dueDeliveries(s.db, s.now().toISOString(), batch)
      let attempted = 0
      const lane = async () => {
        for (let next = queue.shift(); next && !stopping; next = queue.shift()) {
          try {
            if (await deliverOne(s, next, deliverOptions)) attempted += 1
          } catch (err) {
            log.error({ err, deliveryId: next.id, subscriber: next.subscriber }, 'could not record a delivery attempt')
          }
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, lane))
      return attempted
    } catch (err) {
      log.error({ err }, 'delivery poll failed')
      return 0
    }
  }

  function runOnce(): Promise<number> {
    const p = poll()
    polls.add(p)
    void p.finally(() => polls.delete(p))
    return p
  }

  async function run(): Promise<void> {
    while (!stopping) {
      const attempted = await runOnce()
      if (stopping) break
      if (attempted < batch) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs)
        wake = () => { clearTimeout(timer); resolve() }
      })
      wake = undefined
    }
  }

  return {
    start() {
      if (loop) return
      stopping = false
      loop = run()
    },
    async stop() {
      stopping = true
      wake?.()
      await loop
      await Promise.all([...polls])
      loop = undefined
    },
    runOnce,
    async drain(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline && !stopping) {
        if ((await runOnce()) === 0) return
      }
    },
  }
}
