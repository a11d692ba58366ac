import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The customer page, served by the API at /c/ from dist/pages (the plugin declares it in
 * `pages`): a customer's case through a link (`/c/<token>/<caseId>`) and the public form (`/c/form`).
 * Plain React and CSS: no component library, so the page stays small.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/c/',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../dist/pages', import.meta.url)), emptyOutDir: true },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
})
