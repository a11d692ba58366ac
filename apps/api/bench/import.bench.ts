/**
 * Measures a 100k-row orders CSV import on SQLite: through `importCsv` (all-or-nothing, one
 * transaction; then valid-only, transactions of 1,000 rows) and through `POST /api/v1/imports/orders`.
 * Run: `pnpm --filter @rapport/api exec tsx bench/import.bench.ts` (env `IMPORT_ROWS`, default 100000).
 */
import { importCsv } from '@rapport/core'
import { createTestApp } from '@rapport/core/testing'

const rows = Number(process.env.IMPORT_ROWS ?? 100_000)
const customers = Math.max(1, Math.floor(rows / 10))

function ordersCsv(prefix: string): string {
  const lines = ['orderId,customerExternalId,amount,currency,occurredAt,channel']
  for (let i = 0; i < rows; i++) lines.push(`${prefix}-${i},crm-${i % customers},${(i % 50_000) / 100},CNY,2026-05-01T10:00:00+08:00,store`)
  return lines.join('\n') + '\n'
}

const t = await createTestApp('sqlite')
const caller = { kind: 'apiKey', keyId: 'bench', scopes: ['imports:write'] } as const

async function timed(label: string, run: () => Promise<unknown>) {
  const started = performance.now()
  const result = await run()
  const seconds = (performance.now() - started) / 1000
  console.log(`${label}: ${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s)`, JSON.stringify(result))
}

const csvA = ordersCsv('A')
console.log(`${rows.toLocaleString('en')} order rows, ${customers.toLocaleString('en')} customers, ${(csvA.length / 1e6).toFixed(1)} MB`)
await timed('importCsv all-or-nothing', async () => {
  const ticks: string[] = []
  const r = await importCsv(t.services, 'orders', csvA, { caller, onProgress: (p) => ticks.push(`${p.rowsRead}/${p.rowsImported}`) })
  console.log('  progress:', ticks.join(' '))
  return { imported: r.imported, duplicates: r.duplicates, invalid: r.invalid.length }
})
await timed('importCsv re-import (all duplicates)', async () => {
  const r = await importCsv(t.services, 'orders', csvA, { caller })
  return { imported: r.imported, duplicates: r.duplicates }
})
await timed('importCsv valid-only', async () => {
  const r = await importCsv(t.services, 'orders', ordersCsv('B'), { caller, mode: 'valid-only' })
  return { imported: r.imported, duplicates: r.duplicates }
})
const key = await t.apiKey(['imports:write'])
const csvC = ordersCsv('C')
await timed('POST /api/v1/imports/orders', async () => {
  const res = await t.request('POST', '/api/v1/imports/orders', { rawBody: csvC, as: { apiKey: key }, headers: { 'content-type': 'text/csv' } })
  const r = (await res.json()) as { imported: number }
  return { status: res.status, imported: r.imported }
})
await t.close()
