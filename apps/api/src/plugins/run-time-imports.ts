/**
 * @module
 * What a plugin module imported at run time needs, wherever it lives (a folder or package outside
 * the workspace included): the server's own instances of `@rapport/plugin-sdk`, `@rapport/core`
 * and `@rapport/db`, whatever copy the plugin installed for its own tests (a second copy would have
 * its own `RapportError` class: the host would turn the plugin's coded errors into INTERNAL_ERROR),
 * and a loader for plugins shipped as TypeScript (tsx). From the bundle (dist/, see
 * build/bundle-server.mjs) the shared instances are the bundle's entries; from source they are the
 * workspace packages this server itself runs.
 */
import { existsSync } from 'node:fs'
import { createRequire, registerHooks } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The bundle's entries that a plugin may import, by the name it imports them by. */
const SHARED = { '@rapport/plugin-sdk': 'plugin-sdk.mjs', '@rapport/core': 'core.mjs', '@rapport/db': 'db.mjs' } as const

let prepared: Promise<void> | undefined

/** Where each shared name resolves: the bundle's files when running from it, else the sources. */
function sharedUrls(bundleDir: string): Map<string, string> {
  const names = Object.keys(SHARED) as Array<keyof typeof SHARED>
  if (existsSync(join(bundleDir, SHARED['@rapport/plugin-sdk']))) return new Map(names.map((name) => [name, pathToFileURL(join(bundleDir, SHARED[name])).href]))
  const require = createRequire(import.meta.url)
  return new Map(names.map((name) => [name, pathToFileURL(require.resolve(name)).href]))
}

/**
 * Prepares the process for importing plugin modules; once. `import.meta.dirname` is where the
 * running code is (dist/ in the bundle, whose build rewrites `import.meta.url` but not this).
 * @example await prepareRunTimeImports(); await import(pluginEntry)
 */
export function prepareRunTimeImports(): Promise<void> {
  prepared ??= (async () => {
    const bundleDir = import.meta.dirname
    const fromBundle = existsSync(join(bundleDir, SHARED['@rapport/plugin-sdk']))
    const urls = sharedUrls(bundleDir)
    // From source, `rapport` has registered tsx already (bin/rapport.mjs).
    if (fromBundle) (await import('tsx/esm/api')).register()
    registerHooks({
      resolve(specifier, context, nextResolve) {
        const url = urls.get(specifier)
        return url ? { url, shortCircuit: true } : nextResolve(specifier, context)
      },
    })
  })()
  return prepared
}
