import { createCustomerNameLoader, CUSTOMER_NAMES_PER_CALL, type CustomerNameRecord } from '@rapport/admin-kit'
import { describe, expect, it } from 'vitest'

const named = (id: string): CustomerNameRecord => ({ id, name: `Name of ${id}`, externalId: null, erased: false })

describe('customer name loader', () => {
  it('sends every id asked for in one tick in one call, each once', async () => {
    const calls: string[][] = []
    const load = createCustomerNameLoader(async (ids) => { calls.push([...ids]); return ids.filter((id) => id !== 'cus_gone').map(named) })
    const results = await Promise.all(['cus_a', 'cus_b', 'cus_a', 'cus_gone'].map(load))
    expect(calls).toEqual([['cus_a', 'cus_b', 'cus_gone']])
    expect(results.map((r) => r?.name ?? null)).toEqual(['Name of cus_a', 'Name of cus_b', 'Name of cus_a', null])
  })

  it('splits a large batch into calls the server accepts', async () => {
    const sizes: number[] = []
    const load = createCustomerNameLoader(async (ids) => { sizes.push(ids.length); return ids.map(named) })
    await Promise.all(Array.from({ length: 250 }, (_, i) => load(`cus_${i}`)))
    expect(sizes).toEqual([CUSTOMER_NAMES_PER_CALL, CUSTOMER_NAMES_PER_CALL, 50])
  })

  it('starts a new batch after a tick, and a failed call fails only its own loads', async () => {
    let call = 0
    const load = createCustomerNameLoader(async (ids) => { call++; if (call === 1) throw new Error('offline'); return ids.map(named) })
    await expect(load('cus_a')).rejects.toThrow('offline')
    await expect(load('cus_a')).resolves.toEqual(named('cus_a'))
  })
})
