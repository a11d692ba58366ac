import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'integration/**/*.test.ts', 'reliability/**/*.test.ts', 'postgres/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A page loads its chunk and data before it shows; on a busy CI machine that takes more than
    // expect.poll's default second.
    expect: { poll: { timeout: 10_000 } },
  },
})
