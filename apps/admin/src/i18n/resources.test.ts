import { describe, expect, it } from 'vitest'
import en from './en.json'
import zhCN from './zh-CN.json'
import { installedPluginAdmins } from '../plugins/installed-plugin-admins'

const keysOf = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, child]) => keysOf(child, `${prefix}${key}.`))
    : [prefix.slice(0, -1)]

const placeholdersOf = (text: string): string[] => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort()

const lookup = (resource: unknown, key: string): string =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource) as string

describe('admin translations', () => {
  it('zh-CN has exactly the keys of en', () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort())
  })

  it.each(keysOf(en))('%s uses the same placeholders in both languages', (key) => {
    expect(placeholdersOf(lookup(zhCN, key))).toEqual(placeholdersOf(lookup(en, key)))
  })

  it('every error code is upper snake case', () => {
    for (const code of Object.keys(en.errors)) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)+$/)
  })
})

describe.each(installedPluginAdmins.map((admin) => [admin.plugin, admin] as const))('%s admin translations', (_plugin, admin) => {
  it('zh-CN has exactly the keys of en', () => {
    expect(keysOf(admin.messages['zh-CN']).sort()).toEqual(keysOf(admin.messages.en).sort())
  })

  it('uses the same placeholders in both languages', () => {
    for (const key of keysOf(admin.messages.en)) expect(placeholdersOf(lookup(admin.messages['zh-CN'], key)), key).toEqual(placeholdersOf(lookup(admin.messages.en, key)))
  })

  it('has a menu label for every page', () => {
    for (const page of admin.pages) expect(keysOf(admin.messages.en)).toContain(page.labelKey)
  })
})
