/**
 * @module
 * SLA clocks of one case, from its status changes and staff replies: first response, next update
 * and resolution. Time counts in business hours only while the case is new, open or pending on a
 * third party; it stops while pending on the customer and while resolved or closed. Pure.
 */
import type { CaseStatus } from '../../shared/schemas.js'
import { addBusinessMs, type BusinessCalendar, businessMs } from './business-calendar.js'

/** The three targets. */
export const slaTargets = ['firstResponse', 'nextUpdate', 'resolution'] as const
/** One target. */
export type SlaTarget = (typeof slaTargets)[number]
/** A target's state. */
export type SlaState = 'ok' | 'warning' | 'breached'

/** What a case was given at intake (pinned, so later config changes do not move its goalposts). */
export type SlaTerms = { policyId: string; calendarId: string; firstResponseMinutes: number; nextUpdateMinutes: number; resolutionMinutes: number; warningPercent: number }

/** What the clocks are computed from (milliseconds since the epoch). */
export type ClockInput = { createdAt: number; statusChanges: ReadonlyArray<{ at: number; to: CaseStatus }>; staffReplies: readonly number[]; now: number }

/** One target's clock now. `warningAt`/`breachAt` are when it crossed or will cross (null while it cannot: paused or stopped). */
export type TargetClock = {
  target: SlaTarget; cycle: string; state: SlaState; running: boolean; paused: boolean
  startedAt: string; stoppedAt: string | null; targetMinutes: number; elapsedMinutes: number
  warningAt: string | null; breachAt: string | null
}

/** A span when the clock may run; `end` null while it still runs. */
export type Segment = readonly [number, number | null]

const counts = (s: CaseStatus): boolean => s === 'new' || s === 'open' || s === 'pending_third_party'

/** Spans in a counting status. @example countingSegments(0, [{ at: 10, to: 'pending_customer' }]) // [[0, 10]] */
export function countingSegments(createdAt: number, changes: ClockInput['statusChanges']): Segment[] {
  const out: Segment[] = []
  let status: CaseStatus = 'new'
  let since = createdAt
  for (const c of changes) {
    if (counts(status) && c.at > since) out.push([since, c.at])
    status = c.to
    since = c.at
  }
  if (counts(status)) out.push([since, null])
  return out
}

/** Segments clipped to `[start, stop]`. */
const clip = (segments: readonly Segment[], start: number, stop: number | null): Segment[] =>
  segments.flatMap(([a, b]): Segment[] => {
    const lo = Math.max(a, start)
    const hi = stop === null ? b : b === null ? stop : Math.min(b, stop)
    return hi === null || hi > lo ? [[lo, hi]] : []
  })

/** When `thresholdMs` of business time is reached over the segments; null if it is not (and cannot be, the last one being closed). */
export function crossingAt(cal: BusinessCalendar, segments: readonly Segment[], thresholdMs: number): number | null {
  let acc = 0
  for (const [a, b] of segments) {
    const part = b === null ? Number.POSITIVE_INFINITY : businessMs(cal, a, b)
    if (acc + part >= thresholdMs) return addBusinessMs(cal, a, thresholdMs - acc)
    acc += part
  }
  return null
}

/** Business time counted over the segments up to `now`. */
export const elapsedMs = (cal: BusinessCalendar, segments: readonly Segment[], now: number): number =>
  segments.reduce((sum, [a, b]) => sum + businessMs(cal, a, Math.min(b ?? now, now)), 0)

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

/** One target's clock over `[start, stop]`. @example measure(cal, segs, { target: 'resolution', cycle: 'resolution', start, stop: null, minutes: 480, warningPercent: 80, now }) */
export function measure(cal: BusinessCalendar, segments: readonly Segment[], m: { target: SlaTarget; cycle: string; start: number; stop: number | null; minutes: number; warningPercent: number; now: number }): TargetClock {
  const spans = clip(segments, m.start, m.stop)
  const targetMs = m.minutes * 60_000
  const warningAt = crossingAt(cal, spans, Math.round(targetMs * m.warningPercent / 100))
  const breachAt = crossingAt(cal, spans, targetMs)
  const running = m.stop === null
  const last = spans[spans.length - 1]
  const state: SlaState = breachAt !== null && breachAt <= m.now ? 'breached' : warningAt !== null && warningAt <= m.now ? 'warning' : 'ok'
  return {
    target: m.target, cycle: m.cycle, state, running, paused: running && (last === undefined || last[1] !== null),
    startedAt: new Date(m.start).toISOString(), stoppedAt: iso(m.stop), targetMinutes: m.minutes,
    elapsedMinutes: Math.floor(elapsedMs(cal, spans, m.now) / 60_000), warningAt: iso(warningAt), breachAt: iso(breachAt),
  }
}

/** When the case last became resolved, if it is resolved or closed now. */
function finishedAt(input: ClockInput): number | null {
  const last = input.statusChanges[input.statusChanges.length - 1]
  if (!last || (last.to !== 'resolved' && last.to !== 'closed')) return null
  const resolve = [...input.statusChanges].reverse().find((c) => c.to === 'resolved')
  return resolve?.at ?? last.at
}

/**
 * The case's clocks now: first response (stopped by the first staff reply to the customer, or
 * resolving), next update (from the latest staff reply, once there is one), and resolution.
 * @example caseClocks(cal, terms, { createdAt, statusChanges, staffReplies, now })
 */
export function caseClocks(cal: BusinessCalendar, terms: SlaTerms, input: ClockInput): TargetClock[] {
  const segments = countingSegments(input.createdAt, input.statusChanges)
  const finished = finishedAt(input)
  const firstResolve = input.statusChanges.find((c) => c.to === 'resolved')?.at ?? null
  const firstReply = input.staffReplies[0] ?? null
  const lastReply = input.staffReplies[input.staffReplies.length - 1] ?? null
  const common = { warningPercent: terms.warningPercent, now: input.now }
  const clocks = [
    measure(cal, segments, { ...common, target: 'firstResponse', cycle: 'first', start: input.createdAt, stop: firstReply ?? firstResolve, minutes: terms.firstResponseMinutes }),
    measure(cal, segments, { ...common, target: 'resolution', cycle: 'resolution', start: input.createdAt, stop: finished, minutes: terms.resolutionMinutes }),
  ]
  if (lastReply !== null) {
    clocks.splice(1, 0, measure(cal, segments, { ...common, target: 'nextUpdate', cycle: new Date(lastReply).toISOString(), start: lastReply, stop: finished, minutes: terms.nextUpdateMinutes }))
  }
  return clocks
}

/** The worst state of a set of clocks. @example worstState(clocks) // 'warning' */
export const worstState = (clocks: readonly TargetClock[]): SlaState =>
  clocks.some((c) => c.state === 'breached') ? 'breached' : clocks.some((c) => c.state === 'warning') ? 'warning' : 'ok'
