/**
 * @module
 * Builds the published form of `@rapport/plugin-sdk` (`pnpm build`): ES modules and bundled type
 * declarations in dist/. `@rapport/core` and `@rapport/db` are workspace packages that are not
 * published, so they are bundled in (JavaScript and types); every npm package they import stays an
 * import and must be one of the SDK's own `dependencies` (`onlyImport` fails the build otherwise,
 * e.g. when core gains a dependency the SDK does not list yet). Inside the workspace everything
 * uses the sources (package.json `exports`); the packed package points at dist (`publishConfig`).
 * tsconfig.build.json maps `@rapport/core` and `@rapport/db` to their sources, so that their types
 * are emitted too (TypeScript emits none for modules found through node_modules).
 */
import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsdown'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  tsconfig: 'tsconfig.build.json', format: 'esm', platform: 'node', target: 'node24', dts: true, sourcemap: false,
  deps: { alwaysBundle: [/^@rapport\//], onlyBundle: [], onlyImport: Object.keys(pkg.dependencies) },
})
