import { describe, expect, it } from 'vitest'
import { createMutex } from '../src/index.js'
import { sleep } from './support/test-db.js'

describe('createMutex', () => {
  it('runs holders one at a time in call order and survives a rejection', async () => {
    const lock = createMutex()
    const order: string[] = []
    const job = (name: string, ms: number, fail = false) =>
      lock.run(async () => {
        order.push(`${name}+`)
        await sleep(ms)
        order.push(`${name}-`)
        if (fail) throw new Error(name)
        return name
      })
    const results = await Promise.allSettled([job('a', 10), job('b', 1, true), job('c', 1)])
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(lock.busy).toBe(false)
  })
})
