/**
 * @module
 * Names a customer's RFM segment: the first configured rule whose inclusive R, F and M ranges
 * all hold the scores, else the fallback segment.
 */
import type { TieringConfig } from '../config.js'
import type { Segment } from '../../shared/vocabulary.js'

export type Scores = { r: number; f: number; m: number }

const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max

/** @example segmentOf({ r: 5, f: 5, m: 5 }, config.segments, 'needAttention') // 'champions' */
export function segmentOf(scores: Scores, rules: TieringConfig['segments'], fallback: Segment): Segment {
  return rules.find((s) => within(scores.r, s.r) && within(scores.f, s.f) && within(scores.m, s.m))?.segment ?? fallback
}

/** The RFM code, R then F then M. @example rfmCode({ r: 5, f: 3, m: 1 }) // '531' */
export const rfmCode = ({ r, f, m }: Scores): string => `${r}${f}${m}`
