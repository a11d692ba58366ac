'use strict'
/**
 * autocannon `setupRequest` for ingest.bench.ts: each request carries a single-event batch with
 * a unique event id. A .cjs file because autocannon `require`s it inside its worker thread.
 */
const { threadId } = require('node:worker_threads')

const run = `${process.pid}-${threadId}-${Date.now().toString(36)}`
let n = 0

module.exports = function setupRequest(request) {
  const id = `bench-${run}-${n++}`
  request.body = JSON.stringify({
    events: [{
      id, type: 'order.completed', customerExternalId: `bench-customer-${n % 1000}`, orderId: id,
      amountMinor: 12900, currency: 'CNY', occurredAt: '2026-05-01T10:00:00+08:00', channel: 'web',
      items: [{ sku: 'TEA-1', quantity: 2, unitPriceMinor: 6450 }],
    }],
  })
  return request
}
