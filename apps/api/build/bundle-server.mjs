#!/usr/bin/env node
/**
 * @module
 * `pnpm build` for the server: bundles the `rapport` command (apps/api, core, db, the plugin SDK and
 * the built-in plugins' server code) with esbuild into `dist/`, so `rapport start` loads a few
 * JavaScript files instead of compiling some 700 TypeScript modules through tsx on every start
 * (module loading was 83% of the start-up CPU). Packages from npm stay outside the bundle and are
 * imported from node_modules as they are, so a plugin loaded at run time shares them with the
 * server. `dist/inputs.json` lists the sources the bundle was made from: `bin/rapport.mjs` runs
 * from source instead when one of them is newer than the bundle (see built-server.mjs).
 */
import { rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const app = fileURLToPath(new URL('..', import.meta.url))
const repo = resolve(app, '../..')
// `node build/bundle-server.mjs [outdir]`: dist/ unless told (the tests build into a folder of their own).
const outdir = resolve(process.argv[2] ?? resolve(app, 'dist'))
const builtin = new Set(builtinModules)
const inRepo = (file) => !relative(repo, file).startsWith('..') && !file.split(sep).includes('node_modules')
const fromOutdir = (file) => relative(outdir, file).split(sep).join('/')

/**
 * npm packages stay external, named by the file esbuild resolves (from the importing package's own
 * node_modules, as pnpm lays them out), relative to dist/: the bundle then imports what the
 * sources would have imported. Workspace packages (`@rapport/*`) are bundled.
 */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('@rapport/')) return undefined
      if (args.path.startsWith('node:') || builtin.has(args.path.split('/')[0])) return { path: args.path, external: true }
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' })
      if (found.errors.length > 0) return { errors: found.errors }
      return { path: `./${fromOutdir(found.path)}`, external: true }
    })
  },
}

/**
 * `import.meta.url` keeps naming the source file (plugins find their pages and packages from it):
 * in the bundle it becomes that file's place relative to the chunk, which sits in dist/.
 */
const sourceUrls = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
      if (!inRepo(args.path)) return undefined
      const text = await readFile(args.path, 'utf8')
      const contents = text.includes('import.meta.url')
        ? text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromOutdir(args.path))}, import.meta.url).href`)
        : text
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts', resolveDir: dirname(args.path) }
    })
  },
}

const started = performance.now()
const sourcesReadFrom = new Date()
// Built beside dist/ (the same depth: the relative paths hold), then moved in file by file, so a
// `rapport` starting meanwhile never reads a half-written file.
await mkdir(dirname(outdir), { recursive: true })
const staging = await mkdtemp(`${outdir}.building-`)
process.once('exit', () => rmSync(staging, { recursive: true, force: true }))
const result = await build({
  absWorkingDir: app,
  // The command, and what a plugin loaded at run time imports: it gets the server's own instances.
  entryPoints: {
    rapport: 'src/cli/main.ts',
    'plugin-sdk': '../../packages/plugin-sdk/src/index.ts',
    core: '../../packages/core/src/index.ts',
    db: '../../packages/db/src/index.ts',
  },
  outdir: staging, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node24',
  // Node's own resolution conditions (esbuild would add `module` otherwise).
  conditions: ['node'], mainFields: ['main'],
  outExtension: { '.js': '.mjs' }, chunkNames: 'chunk-[hash]',
  sourcemap: 'linked', metafile: true, logLevel: 'warning', legalComments: 'none',
  plugins: [externalPackages, sourceUrls],
})
const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(app, p)).filter(inRepo).map((p) => relative(repo, p).split(sep).join('/')).sort()
await writeFile(resolve(staging, 'inputs.json'), `${JSON.stringify({ inputs }, null, 1)}\n`)
// A source saved while esbuild read the sources must make the bundle out of date: the bundle is
// dated from before the build began.
await utimes(resolve(staging, 'rapport.mjs'), sourcesReadFrom, sourcesReadFrom)
await mkdir(outdir, { recursive: true })
const built = await readdir(staging)
// The entry and inputs.json last: until then a starting `rapport` sees the previous build whole.
const order = (name) => (name === 'inputs.json' ? 2 : name === 'rapport.mjs' ? 1 : 0)
for (const name of built.sort((a, b) => order(a) - order(b))) await rename(resolve(staging, name), resolve(outdir, name))
await rm(staging, { recursive: true, force: true })
// Chunks of earlier builds (their names are hashes of their contents).
for (const name of await readdir(outdir)) if (!built.includes(name) && /\.mjs(\.map)?$/.test(name)) await rm(resolve(outdir, name), { force: true })
console.log(`server bundle: ${inputs.length} source files into dist/ in ${Math.round(performance.now() - started)} ms`)
