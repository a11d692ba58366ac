/**
 * docs/plugins.md's event catalogue is generated from the schemas (scripts/event-catalogue.ts):
 * this fails when an event or a payload field changed and the guide was not regenerated.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { eventCatalogue, withCatalogue } from '../docs/event-catalogue.js'

describe('the event catalogue in docs/plugins.md', () => {
  it('is what the schemas generate (run pnpm exec tsx scripts/event-catalogue.ts)', () => {
    const doc = readFileSync(new URL('../../docs/plugins.md', import.meta.url), 'utf8')
    expect(doc).toContain(eventCatalogue())
    expect(withCatalogue(doc)).toBe(doc)
    for (const type of ['order.completed', 'customer.updated', 'points.earned', 'tier.changed', 'complaint.resolved', 'survey.response.completed', 'churn.risk.high']) {
      expect(eventCatalogue()).toContain(`| \`${type}\` |`)
    }
  })
})
