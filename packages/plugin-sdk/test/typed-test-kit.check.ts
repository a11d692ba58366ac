/**
 * Type test (compiled by `pnpm typecheck`, never run): the test kit's `emit` takes the payload type
 * of a declared event, core's and a plugin's alike, and returns the event typed; an undeclared type
 * still takes any object (for events of plugins the test stands in for).
 */
import type { TestHost } from '../src/testing/index.js'

declare module '../src/index.js' {
  interface EventMap { 'kit.visited': { page: string } }
}

export async function emits(host: TestHost): Promise<void> {
  const order = await host.emit('order.completed', 'c1', { orderId: 'o1', amountMinor: 100, currency: 'CNY' })
  const amount: number = order.payload.amountMinor
  await host.emit('kit.visited', 'c1', { page: '/home' })
  await host.emit('other.thing', null, { anything: true })
  // @ts-expect-error an order needs its currency
  await host.emit('order.completed', 'c1', { orderId: 'o1', amountMinor: 100 })
  // @ts-expect-error amountMinor is a number
  await host.emit('order.completed', 'c1', { orderId: 'o1', amountMinor: '100', currency: 'CNY' })
  // @ts-expect-error page is a string
  await host.emit('kit.visited', 'c1', { page: 3 })
  void amount
}
