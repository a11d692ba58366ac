import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'integration/**/*.test.ts', 'reliability/**/*.test.ts', 'postgres/**/*.test.ts'],
    // Two browser files share the two cores, so a long walk (28 s alone) can take twice as long.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browser files run beside the other packages' files, two at a time on CI's two cores: run
    // one after another at the end, they left a core idle for about 16 of the run's 36 minutes.
    // Each file has its own server, database file, browser and screenshot folder, and `pnpm test`
    // builds the admin and the customer pages before vitest starts, so no two files build at once.
    // A page loads its chunk and data before it shows; on a busy CI machine that takes more than
    // expect.poll's default second.
    expect: { poll: { timeout: 10_000 } },
  },
})
