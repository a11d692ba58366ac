import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * The member's page, served by the API at /m/ from dist/pages (the plugin declares it in
 * `pages`). Plain TypeScript and CSS: a few kilobytes, fast on a phone.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/m/',
  build: { outDir: fileURLToPath(new URL('../dist/pages', import.meta.url)), emptyOutDir: true },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
})
