/**
 * @module
 * `rapport points verify`: the ledger invariant for every member (see `verifyLedger`); prints a
 * summary and one line per broken member, and exits 1 when any member is broken.
 */
import type { PluginCommand } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { type Mismatch, verifyLedger } from '../ledger/verify-ledger.js'

const describe = (m: Mismatch): string => {
  const problems = [
    m.balance !== m.lotRemaining - m.debt && `balance ${m.balance} ≠ lot remainders ${m.lotRemaining} − debt ${m.debt}`,
    m.balance !== m.ledgerDelta && `balance ${m.balance} ≠ ledger sum ${m.ledgerDelta}`,
    m.debt !== m.ledgerDebt && `debt ${m.debt} ≠ ledger debt ${m.ledgerDebt}`,
    m.debt < 0 && `negative debt ${m.debt}`,
    m.lifetimeEarned !== m.ledgerLifetime && `lifetime earned ${m.lifetimeEarned} ≠ ledger credits ${m.ledgerLifetime}`,
    m.badLots > 0 && `${m.badLots} lot(s) outside 0…points`,
  ].filter(Boolean)
  return `BROKEN ${m.customerId}: ${problems.join('; ')}`
}

/** @example definePlugin({ ..., commands: { verify: verifyCommand } }) */
export const verifyCommand: PluginCommand<PointsConfig> = {
  summary: 'check balance = Σ lot remainders − debt = Σ ledger, and lifetime earned, for every member; exit 1 when any is broken',
  async run(ctx, { print }) {
    const report = await verifyLedger(ctx.db)
    print(`points verify: ${report.members} member(s), outstanding balance ${report.balance}, debt ${report.debt}: ${report.mismatches.length === 0 ? 'all sound' : `${report.mismatches.length} broken`}`)
    for (const m of report.mismatches) print(describe(m))
    return report.mismatches.length === 0 ? 0 : 1
  },
}
