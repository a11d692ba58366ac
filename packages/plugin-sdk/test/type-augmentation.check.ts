import { definePlugin, rule, type PayloadOf } from '../src/index.js'

declare module '../src/index.js' {
  interface EventMap { 'demo.happened': { amount: number } }
}

const r = rule({ id: 'x', version: 1, on: 'demo.happened', apply: (e) => ({ 'demo.total': { add: e.payload.amount } }) })
const p: PayloadOf<'demo.happened'> = { amount: 1 }
// @ts-expect-error amount must be a number
const bad: PayloadOf<'demo.happened'> = { amount: 'x' }
export { r, p, bad, definePlugin }
