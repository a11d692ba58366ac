import { defineConfig } from 'vitest/config'

// One run over every package's own vitest project, so `pnpm test` reports one total.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'apps/admin/vite.config.ts', 'plugins/*/vitest.config.ts', 'test/vitest.config.ts'],
  },
})
