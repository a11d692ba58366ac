/**
 * The published SDK bundles @rapport/core and @rapport/db (they are not published), so every npm
 * package they depend on must be the SDK's own dependency, in the same range: a plugin project that
 * installs the packed SDK gets nothing else. (The build's `onlyImport` check says the same for what
 * the bundle imports; this says it without building.)
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; private?: boolean; publishConfig?: { exports?: Record<string, unknown> } }
const manifest = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Manifest
const sdk = manifest('../package.json')
const npmDependencies = (m: Manifest) => Object.fromEntries(Object.entries(m.dependencies ?? {}).filter(([name]) => !name.startsWith('@rapport/')))

describe('the published SDK package', () => {
  it('depends on every npm package of @rapport/core and @rapport/db, in the same range', () => {
    expect(sdk.dependencies).toMatchObject({ ...npmDependencies(manifest('../../db/package.json')), ...npmDependencies(manifest('../../core/package.json')) })
  })

  it('has no workspace package among its dependencies, and exports its built files with their types', () => {
    expect(Object.keys(sdk.dependencies ?? {}).filter((name) => name.startsWith('@rapport/'))).toEqual([])
    expect(sdk.private).toBeUndefined()
    expect(sdk.publishConfig?.exports).toMatchObject({
      '.': { types: './dist/index.d.mts', default: './dist/index.mjs' },
      './testing': { types: './dist/testing.d.mts', default: './dist/testing.mjs' },
    })
  })
})
