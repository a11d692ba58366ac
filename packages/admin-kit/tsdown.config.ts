/**
 * @module
 * Builds the published form of `@rapport/admin-kit` (`pnpm build`): ES modules and bundled type
 * declarations in dist/. React, antd and the other shared libraries stay imports (peers the admin
 * shell provides), and so does echarts (a dependency, loaded lazily by the charts). Inside the
 * workspace the admin and the plugins' pages use the sources (package.json `exports`); the packed
 * package points at dist (`publishConfig`).
 */
import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsdown'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> }

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm', platform: 'browser', target: 'es2022', dts: true, sourcemap: false,
  // Only what package.json declares may be imported by the built files.
  deps: { onlyBundle: [], onlyImport: [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)] },
})
