/**
 * @module
 * A seeded pseudo-random source (mulberry32), so the demo data is the same on every machine.
 */

/** Random helpers over one seeded stream. */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number
  int(min: number, maxInclusive: number): number
  pick<T>(items: readonly T[]): T
  /** Picks by weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number
  chance(p: number): boolean
}

/** @example const r = seededRandom(42); r.int(1, 6) */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = a
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items) {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [item, w] of items) if ((roll -= w) < 0) return item
      return items[items.length - 1]![0]
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    chance: (p) => next() < p,
  }
}
