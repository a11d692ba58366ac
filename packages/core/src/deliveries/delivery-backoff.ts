/**
 * @module
 * How long a failed delivery waits before its next attempt.
 */

/** The longest wait between two attempts: 5 minutes. */
export const MAX_BACKOFF_MS = 5 * 60_000

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 5 min, each scaled by a random
 * factor in [0.8, 1.2) so many failing deliveries do not retry in lockstep.
 * @param attempt - the attempt that just failed, from 1
 * @param random - a number in [0, 1); `Math.random` by default
 * @returns milliseconds to wait
 * @example deliveryBackoff(3, () => 0.5) // 4000
 */
export function deliveryBackoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS)
  return Math.round(base * (0.8 + 0.4 * random()))
}
