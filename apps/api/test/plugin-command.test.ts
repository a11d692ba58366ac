import { openDatabase } from '@rapport/db'
import { describe, expect, it } from 'vitest'
import { runCli, tempEnv } from './cli-process.js'

describe('rapport <plugin> <command>', () => {
  it('lists the plugin commands in the usage', async () => {
    const help = await runCli(['--help'], tempEnv())
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/points verify\s+check balance/)
  })

  it('runs points verify on a SQLite file: exit 0 when sound, 1 naming each broken member', async () => {
    const env = tempEnv()
    const empty = await runCli(['points', 'verify'], env)
    expect(empty).toMatchObject({ code: 0, stderr: '' })
    expect(empty.stdout).toBe('points verify: 0 member(s), outstanding balance 0, debt 0: all sound\n')

    // The command booted the host, so the plugin's tables exist; write one sound and one broken account.
    const db = await openDatabase(env.DATABASE_URL!)
    const at = '2026-05-01T10:00:00.000Z'
    const member = (id: string, balance: number) => db.run(
      "INSERT INTO points_members (customer_id, member_no, status, joined_at, balance, debt, lifetime_earned, updated_at) VALUES (?, ?, 'active', ?, ?, 0, 0, ?)",
      [id, `P-${id}`, at, balance, at],
    )
    await member('cus_sound', 0)
    await member('cus_broken', 25)
    await db.close()

    const broken = await runCli(['points', 'verify'], env)
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain('2 member(s), outstanding balance 25, debt 0: 1 broken')
    expect(broken.stdout).toContain('BROKEN cus_broken: balance 25 ≠ lot remainders 0 − debt 0; balance 25 ≠ ledger sum 0')
    expect(broken.stdout).not.toContain('cus_sound')
  })

  it('refuses an unknown command of a plugin with exit 1 and the coded message', async () => {
    const res = await runCli(['points', 'reticulate'], tempEnv())
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('Plugin points-membership has no command reticulate')
  })
})
