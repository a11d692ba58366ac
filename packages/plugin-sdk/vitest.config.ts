import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000,
    // The type tests: every mistake they list must stay a compile error (and the right uses compile).
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
