import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * The one-question widget: one classic script (`/s/embed.js`) other sites include with
 * `<script src=".../s/embed.js" data-survey="<publicToken>" async>`. No survey-core, no React.
 * Built after the customer page, into the same folder the server serves at /s.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/pages', import.meta.url)),
    emptyOutDir: false,
    target: 'es2020',
    lib: { entry: fileURLToPath(new URL('./src/embed.ts', import.meta.url)), formats: ['iife'], name: 'RapportSurveyEmbed', fileName: () => 'embed.js' },
  },
})
