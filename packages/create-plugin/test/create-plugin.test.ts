/**
 * The scaffolder end to end: a plugin generated into a temporary folder of the workspace (so its
 * workspace dependencies resolve) typechecks and passes its own tests on SQLite and PGlite, and so
 * does the "VIP birthday" walkthrough of docs/plugins.md, built from the docs' own code blocks.
 * The folder starts with a dot: git ignores it (.gitignore) and the root vitest projects glob
 * (`plugins/*`) does not match it.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPluginName, PluginNameError } from '../src/plugin-name.js'
import { scaffoldPlugin } from '../src/scaffold-plugin.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const tmp = join(root, 'plugins', `.tmp-scaffold-${process.pid}`)
// The generated package.json asks for what churn-risk has; `pnpm install` would link the same.
const linkedModules = join(root, 'plugins', 'churn-risk', 'node_modules')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

const run = (cwd: string, command: string, args: string[]) => spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', FORCE_COLOR: '0' } })

/** Code blocks of the walkthrough that start with `// file: <path>`, by path. */
function walkthroughFiles(): Map<string, string> {
  const docs = readFileSync(join(root, 'docs', 'plugins.md'), 'utf8')
  const files = new Map<string, string>()
  for (const [, body] of docs.matchAll(/```(?:ts|tsx)\n(\/\/ file: [^\n]+\n[\s\S]*?)```/g)) {
    const [first, ...rest] = body!.split('\n')
    files.set(first!.replace('// file: ', '').trim(), rest.join('\n'))
  }
  return files
}

describe('plugin names', () => {
  it.each([
    ['', 'Give the plugin a name'],
    ['VipBirthday', 'not a valid plugin name'],
    ['vip_birthday', 'not a valid plugin name'],
    ['tiering', 'already exists'],
    ['a-very-long-plugin-name-beyond-twenty', 'namespace'],
  ])('refuses %j with a message saying what to change', (name, message) => {
    expect(() => checkPluginName(name, root)).toThrow(PluginNameError)
    expect(() => checkPluginName(name, root)).toThrow(message)
  })

  it('refuses a namespace another plugin uses, and a folder that is not empty', () => {
    expect(() => checkPluginName('points-extra', root, 'points')).toThrow('already used by plugins/points-membership')
    expect(() => scaffoldPlugin({ name: 'fresh-name', root, dir: 'plugins/tiering' })).toThrow('not empty')
  })
})

describe('a plugin outside the workspace', () => {
  const outside = join(tmpdir(), `rapport-standalone-${process.pid}`)
  afterAll(() => rmSync(outside, { recursive: true, force: true }))

  it('is a project of its own: the SDK as given, its own tsconfig, admin pages it builds itself', () => {
    const made = scaffoldPlugin({ name: 'standalone-check', root, dir: join(outside, 'standalone-check'), sdk: '^1.0.0' })
    expect(made.standalone).toBe(true)
    expect(made.files.filter((f) => f.startsWith('admin')).sort()).toEqual(['admin/index.ts', 'admin/messages.ts', 'admin/pages/CustomerPage.tsx', 'admin/tsconfig.json'])
    const manifest = JSON.parse(readFileSync(join(made.dir, 'package.json'), 'utf8'))
    expect(manifest.devDependencies['@rapport/plugin-sdk']).toBe('^1.0.0')
    expect(JSON.stringify(manifest)).not.toContain('workspace:')
    expect(readFileSync(join(made.dir, 'tsconfig.json'), 'utf8')).not.toContain('extends')
    // The server resolves it through the project's own package.json exports: the built file.
    expect(readFileSync(join(made.dir, 'server/index.ts'), 'utf8')).toContain("admin: 'rapport-plugin-standalone-check/admin'")
    expect(manifest.exports['./admin']).toBe('./dist/admin/index.js')
    expect(manifest.devDependencies['@rapport/admin-kit']).toBe('^1.0.0')
    expect(() => scaffoldPlugin({ name: 'inside-check', root, dir: join(tmp, 'inside-check'), sdk: '^1.0.0' })).toThrow('--sdk is for a plugin outside the workspace')
  })
})

describe('a generated plugin', () => {
  beforeAll(() => { rmSync(tmp, { recursive: true, force: true }); mkdirSync(tmp, { recursive: true }) })
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('is ignored by git while it exists', () => {
    expect(execFileSync('git', ['check-ignore', '-q', tmp], { cwd: root }).toString()).toBe('')
  })

  it('typechecks and passes its own tests, and so does the VIP birthday walkthrough', () => {
    const made = scaffoldPlugin({ name: 'scaffold-check', root, dir: join(tmp, 'scaffold-check') })
    expect(made.files).toEqual(expect.arrayContaining(['package.json', 'tsconfig.json', 'vitest.config.ts', 'server/index.ts', 'admin/index.ts', 'README.md', 'test/plugin.test.ts']))
    const vip = scaffoldPlugin({ name: 'vip-birthday', root, dir: join(tmp, 'vip-birthday') })
    const files = walkthroughFiles()
    expect(files.size).toBeGreaterThanOrEqual(5)
    for (const [path, text] of files) {
      mkdirSync(dirname(join(vip.dir, path)), { recursive: true })
      writeFileSync(join(vip.dir, path), text)
    }
    for (const dir of [made.dir, vip.dir]) {
      if (!existsSync(join(dir, 'node_modules'))) symlinkSync(linkedModules, join(dir, 'node_modules'), 'dir')
      for (const project of ['tsconfig.json', 'admin/tsconfig.json']) {
        const tsc = run(dir, bin('tsc'), ['-p', project, '--noEmit', '--pretty', 'false'])
        expect(tsc.stdout + tsc.stderr, `${dir} ${project}`).toBe('')
      }
    }
    // One vitest run over both, from the temporary folder (each plugin's vitest.config.ts as a project).
    writeFileSync(join(tmp, 'vitest.config.ts'), "import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { projects: ['*/vitest.config.ts'] } })\n")
    const tests = run(tmp, bin('vitest'), ['run', '--reporter=dot'])
    const output = stripVTControlCharacters(tests.stdout + tests.stderr)
    expect(tests.status, output).toBe(0)
    // scaffold-check: rules and plugin tests; vip-birthday: those and the walkthrough's own.
    expect(output).toMatch(/Test Files\s+5 passed \(5\)/)
    expect(output).not.toMatch(/skipped|failed/)
  }, 240_000)
})
