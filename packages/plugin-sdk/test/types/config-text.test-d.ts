/** Type test: config field metadata is typed, so a label in one language or as bare text does not compile. */
import { describe, it } from 'vitest'
import { configText, z } from '../../src/index.js'

describe('config field metadata', () => {
  it('takes labels in both languages', () => {
    z.number().meta({ label: { en: 'Orders', 'zh-CN': '订单' }, help: { en: 'How many', 'zh-CN': '数量' } })
    z.number().meta(configText(['Orders', '订单']))
    // @ts-expect-error a label is { en, 'zh-CN' }, not bare text
    z.number().meta({ label: 'Orders' })
    // @ts-expect-error zh-CN is missing
    z.number().meta({ label: { en: 'Orders' } })
    // @ts-expect-error a pair is [en, zh-CN]
    configText(['Orders'])
  })
})
