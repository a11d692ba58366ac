import { defineConfig } from 'vitest/config'

export default defineConfig({
  // PGlite takes 3.5–5 s to start; each file starts its own in beforeAll.
  test: { include: ['test/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 30_000 },
})
