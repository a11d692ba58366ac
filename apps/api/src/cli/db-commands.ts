/**
 * @module
 * Commands that work on the database without serving: migrate, seed-demo, create-admin.
 */
import { createInterface } from 'node:readline/promises'
import { createCoreApp, createLogger, createPluginHost, createServices, createUser, migrateCore, rebuildProfiles, ROLES, type CoreServices, type Role } from '@rapport/core'
import { installedPlugins } from '../installed-plugins.js'
import { openDatabase } from '@rapport/db'
import type { ApiConfig } from '../config.js'
import { seedDemo } from '../demo/seed-demo.js'

/** Opens the database, migrates, runs `fn`, and always closes. */
export async function withServices<T>(config: ApiConfig, fn: (s: CoreServices) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.databaseUrl)
  try {
    await migrateCore(db)
    return await fn(createServices({ db, log: createLogger({ level: 'warn' }), config: { secret: config.secret, timeZone: config.timeZone, version: config.version } }))
  } finally {
    await db.close()
  }
}

/**
 * `rapport profile rebuild [--plugin X]`: replays the event log through the scoring rules of the
 * enabled plugins (or one) and recomputes the fields they mirror; prints the before/after digest.
 */
export async function rebuildCommand(config: ApiConfig, plugin: string | undefined): Promise<number> {
  const report = await withServices(config, async (s) => {
    const host = createPluginHost(s, installedPlugins)
    await host.start()
    return rebuildProfiles(s, plugin ? { plugin } : {})
  })
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  return 0
}

export async function migrateCommand(config: ApiConfig): Promise<number> {
  await withServices(config, async () => undefined)
  process.stdout.write(`Database ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')} is up to date.\n`)
  return 0
}

export async function seedCommand(config: ApiConfig, customers: number | undefined): Promise<number> {
  // The built-in plugins score the orders, and the demo's staff and customers act through their routes.
  const seeded = await withServices(config, async (s) => {
    const host = createPluginHost(s, installedPlugins)
    await host.start()
    const { app } = createCoreApp(s, { host })
    return seedDemo(s, { ...(customers ? { customers } : {}), fetch: app.fetch, onProgress: (m) => process.stdout.write(`  ${m}\n`) })
  })
  process.stdout.write(seeded ? 'Demo data written.\n' : 'The database is not empty: nothing written.\n')
  return seeded ? 0 : 1
}

export async function adminCommand(config: ApiConfig, values: { email?: string; name?: string; role?: string }): Promise<number> {
  const role = (values.role ?? 'owner') as Role
  if (!values.email || !ROLES.includes(role)) {
    process.stderr.write('create-admin needs --email and a --role of owner|admin|agent|analyst\n')
    return 1
  }
  const password = process.env.RAPPORT_ADMIN_PASSWORD ?? (await prompt('Password (10+ characters): '))
  if (password.length < 10) {
    process.stderr.write('The password needs at least 10 characters.\n')
    return 1
  }
  const user = await withServices(config, (s) => createUser(s.db, { email: values.email!, name: values.name ?? values.email!, role, password }, s.now()))
  process.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`)
  return 0
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try { return await rl.question(question) } finally { rl.close() }
}
