import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { sharedModules } from './build/shared-modules'

/** Vendor libraries every page needs, split out so they stay cached across admin releases. */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
  { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 3 },
  { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 3 },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 3 },
]

/**
 * The API server serves this build at /admin/; in development Vite proxies /api to it.
 * antd is imported by name from 'antd' (ES modules, tree-shaken) and left to automatic splitting,
 * so components only a lazy page uses load with that page.
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react(), sharedModules()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is one lazily loaded chunk (about 215 kB gzipped) that only chart pages fetch.
    chunkSizeWarningLimit: 700,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
})
