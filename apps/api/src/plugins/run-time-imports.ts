/**
 * @module
 * What a plugin module imported at run time needs when the server runs from its bundle (dist/, see
 * build/bundle-server.mjs): a loader for plugins shipped as TypeScript (tsx), and the server's own
 * instances of `@rapport/plugin-sdk`, `@rapport/core` and `@rapport/db` (a second copy, compiled
 * from source, would have its own `RapportError` class: the host would turn the plugin's coded
 * errors into INTERNAL_ERROR). From source, tsx already loads the server and nothing is needed.
 */
import { existsSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The bundle's entries that a plugin may import, by the name it imports them by. */
const SHARED = { '@rapport/plugin-sdk': 'plugin-sdk.mjs', '@rapport/core': 'core.mjs', '@rapport/db': 'db.mjs' }

let prepared: Promise<void> | undefined

/**
 * Prepares the process for importing plugin modules; once, and only when running from the bundle.
 * `import.meta.dirname` is where the running code is (dist/ in the bundle, whose build rewrites
 * `import.meta.url` but not this).
 * @example await prepareRunTimeImports(); await import(pluginEntry)
 */
export function prepareRunTimeImports(): Promise<void> {
  prepared ??= (async () => {
    const bundleDir = import.meta.dirname
    if (!existsSync(join(bundleDir, SHARED['@rapport/plugin-sdk']))) return
    const urls = new Map(Object.entries(SHARED).map(([name, file]) => [name, pathToFileURL(join(bundleDir, file)).href]))
    const { register } = await import('tsx/esm/api')
    register()
    registerHooks({
      resolve(specifier, context, nextResolve) {
        const url = urls.get(specifier)
        return url ? { url, shortCircuit: true } : nextResolve(specifier, context)
      },
    })
  })()
  return prepared
}
