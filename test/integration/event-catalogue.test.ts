/**
 * docs/plugins.md's event catalogue is generated from the schemas (scripts/event-catalogue.ts):
 * this fails when an event or a payload field changed and the guide was not regenerated, or when
 * core or a built-in plugin publishes an event the catalogue does not list.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CORE_EVENT_TYPES } from '@rapport/core'
import churnRisk from '../../plugins/churn-risk/server/index.ts'
import complaintTracking from '../../plugins/complaint-tracking/server/index.ts'
import pointsMembership from '../../plugins/points-membership/server/index.ts'
import satisfactionSurvey from '../../plugins/satisfaction-survey/server/index.ts'
import tiering from '../../plugins/tiering/server/index.ts'
import { eventCatalogue, withCatalogue } from '../docs/event-catalogue.js'

describe('the event catalogue in docs/plugins.md', () => {
  it('is what the schemas generate (run pnpm exec tsx scripts/event-catalogue.ts)', () => {
    const doc = readFileSync(new URL('../../docs/plugins.md', import.meta.url), 'utf8')
    expect(doc).toContain(eventCatalogue())
    expect(withCatalogue(doc)).toBe(doc)
  })

  it('lists every event core publishes and every event a built-in plugin declares, each once with its payload', () => {
    const rows = eventCatalogue().split('\n').filter((line) => line.startsWith('| `'))
    const listed = rows.map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1])
    const declared = [churnRisk, complaintTracking, pointsMembership, satisfactionSurvey, tiering].flatMap((p) => Object.keys(p.events ?? {}))
    expect([...listed].sort()).toEqual([...CORE_EVENT_TYPES, ...declared].sort())
    expect(rows.find((line) => line.startsWith('| `message.failed` |'))).toContain("`state`: 'failed' \\| 'bounced' \\| 'suppressed'")
    expect(rows.find((line) => line.startsWith('| `customer.erased` |'))).toContain('`fields`: string[]')
  })
})
