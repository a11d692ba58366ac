// Rewrites the event catalogue in docs/plugins.md from the schemas (run: pnpm exec tsx scripts/event-catalogue.ts).
// test/integration/event-catalogue.test.ts fails when the committed catalogue is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { withCatalogue } from '../test/docs/event-catalogue.ts'

const path = new URL('../docs/plugins.md', import.meta.url)
writeFileSync(path, withCatalogue(readFileSync(path, 'utf8')))
