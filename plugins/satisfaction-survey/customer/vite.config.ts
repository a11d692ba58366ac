import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The customer page, served by the API at /s/ from dist/pages (the plugin declares it in
 * `pages`). survey-core and survey-react-ui are a lazy chunk: the first paint is the small shell.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/s/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/pages', import.meta.url)),
    emptyOutDir: true,
    // survey-core is one lazily loaded chunk of about 420 kB gzipped.
    chunkSizeWarningLimit: 2_000,
  },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
})
