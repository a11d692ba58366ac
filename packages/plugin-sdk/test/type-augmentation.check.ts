import { definePlugin, rule, type PayloadOf } from '../src/index.js'

declare module '../src/index.js' {
  interface EventMap { 'demo.happened': { amount: number } }
}

const r = rule({ id: 'x', version: 1, on: 'demo.happened', apply: (e) => ({ 'demo.total': { add: e.payload.amount } }) })
const p: PayloadOf<'demo.happened'> = { amount: 1 }
// @ts-expect-error amount must be a number
const bad: PayloadOf<'demo.happened'> = { amount: 'x' }
export { r, p, bad, definePlugin }

declare module '../src/index.js' {
  interface ProfileFieldMap { 'demo.total': number }
}
export const readsTyped = (profile: import('../src/index.js').ProfileSnapshot): number | undefined => profile['demo.total']
// @ts-expect-error a declared number field is not a string
export const misread = (profile: import('../src/index.js').ProfileSnapshot): string | undefined => profile['demo.total']
