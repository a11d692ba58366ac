/**
 * @module
 * The modules the admin shell shares with the admin bundles of plugins loaded at run time (from
 * outside the repository, built on their own with these names left external). Each becomes an
 * entry chunk of the build that re-exports the shell's own instance (one React, one antd theme,
 * one query client, one router, one i18next), and an import map at the top of index.html sends a
 * plugin's bare `import ... from 'antd'` to it. An import map is what browsers resolve bare names
 * with, so a plugin's bundle is a plain ES module that needs no loader of ours.
 * The map is written for the production build only: `vite dev` shows the built-in plugins' pages.
 */
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'

/** Names a plugin's admin bundle may leave external, as it imports them. */
export const SHARED_MODULES = [
  'react', 'react/jsx-runtime', 'react-dom', 'antd', '@tanstack/react-query', 'react-router', 'react-i18next', '@rapport/admin-kit',
] as const

/** CommonJS packages: `export *` cannot list their names statically, so they are listed from the package itself. */
const COMMONJS = new Set<string>(['react', 'react/jsx-runtime', 'react-dom'])

/**
 * What plugin pages may import from packages built as one large module: sharing all of it would
 * keep every export in the chunk the admin loads first (react-router whole added about 110 kB to
 * the first load, measured on this build). antd and the admin kit are shared whole: their
 * components are modules of their own, loaded only when a plugin page asks for them.
 */
const NAMED: Record<string, readonly string[]> = {
  'react-router': ['Link', 'NavLink', 'Navigate', 'Outlet', 'generatePath', 'useLocation', 'useMatch', 'useNavigate', 'useParams', 'useSearchParams'],
  '@tanstack/react-query': ['keepPreviousData', 'queryOptions', 'useInfiniteQuery', 'useIsFetching', 'useMutation', 'useQueries', 'useQuery', 'useQueryClient'],
  'react-i18next': ['useTranslation'],
}

const PREFIX = 'virtual:rapport-shared/'

/** The re-export module of one shared name. */
function reExport(name: string): string {
  if (NAMED[name]) return `export { ${NAMED[name].join(', ')} } from '${name}'\n`
  if (!COMMONJS.has(name)) return `export * from '${name}'\n`
  const names = Object.keys(createRequire(import.meta.url)(name) as object).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default')
  return `export { ${names.join(', ')} } from '${name}'\nexport { default } from '${name}'\n`
}

/** Vite plugin: the shared entries and the import map. @example plugins: [react(), sharedModules()] */
export function sharedModules(): Plugin {
  let base = '/'
  return {
    name: 'rapport-shared-modules',
    apply: 'build',
    configResolved(config) { base = config.base },
    buildStart() {
      for (const name of SHARED_MODULES) {
        // 'strict' keeps every export of the entry, which an app build otherwise drops.
        this.emitFile({ type: 'chunk', id: `${PREFIX}${name}`, name: `shared-${name.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`, preserveSignature: 'strict' })
      }
    },
    resolveId(id) { return id.startsWith(PREFIX) ? `\0${id}` : undefined },
    load(id) { return id.startsWith(`\0${PREFIX}`) ? reExport(id.slice(PREFIX.length + 1)) : undefined },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const imports: Record<string, string> = {}
        for (const chunk of Object.values(bundle ?? {})) {
          if (chunk.type === 'chunk' && chunk.facadeModuleId?.startsWith(`\0${PREFIX}`)) imports[chunk.facadeModuleId.slice(PREFIX.length + 1)] = `${base}${chunk.fileName}`
        }
        // Before every module script: a browser reads the import map only before the first module loads.
        return [{ tag: 'script', attrs: { type: 'importmap' }, children: JSON.stringify({ imports }), injectTo: 'head-prepend' }]
      },
    },
  }
}
