import { defineConfig } from 'vitest/config'
import { LongestFirstSequencer } from './test/longest-first-sequencer.js'

// One run over every package's own vitest project, so `pnpm test` reports one total.
export default defineConfig({
  test: {
    // RAPPORT_TEST_POSTGRES=1: one PostgreSQL server for the run, and `postgres` in every suite's dialects.
    globalSetup: ['test/postgres/global-setup.ts'],
    // Longest files first across every project, so no core idles at the end (see the sequencer).
    sequence: { sequencer: LongestFirstSequencer },
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'apps/admin/vite.config.ts', 'plugins/*/vitest.config.ts', 'test/vitest.config.ts'],
  },
})
