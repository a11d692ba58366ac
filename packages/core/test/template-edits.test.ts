/**
 * Templates edited in the admin: both languages read with the built-in texts beside them, a live
 * preview of unsaved texts, edits used by the next message sent in that language (the other
 * language keeps the built-in texts), a reset; and the delivery log filtered by channel.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { notifierPlugin } from './fixtures/notifier-plugin.js'

const texts = { subject: '{{customerName}}，六月问卷', text: '请填写：{{link}}', html: '<p>{{customerName}}</p>' }

describe.each(dialects)('template edits on %s', (dialect) => {
  let t: TestApp
  const { plugin, sms } = notifierPlugin()
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [plugin] }) }, 60_000)
  beforeEach(async () => { await t.reset(); sms.length = 0 })
  afterAll(() => t.close())
  const path = '/api/v1/messaging/templates/survey.invitation'

  it('previews, stores and sends edited texts in their language, and resets them', async () => {
    const built = await json(await t.request('GET', path, { as: 'agent' }))
    expect(built).toMatchObject({ id: 'survey.invitation', edited: [], params: ['customerName', 'link'] })
    expect(built.locales['zh-CN']).toEqual(built.builtIn['zh-CN'])
    const preview = await json(await t.request('POST', `${path}/draft-preview`, { body: { locale: 'zh-CN', texts, params: { customerName: '王<芳>' } }, as: 'agent' }))
    expect(preview).toEqual({ subject: '王<芳>，六月问卷', text: '请填写：https://example.com/s/…', html: '<p>王&#60;芳&#62;</p>' })
    expect((await t.request('PUT', path, { body: { locales: { 'zh-CN': texts } }, as: 'agent' })).status).toBe(403)
    expect(await json(await t.request('PUT', path, { body: { locales: { 'zh-CN': texts } } }))).toMatchObject({ edited: ['zh-CN'], locales: { 'zh-CN': texts } })

    const customer = async (name: string, locale: string) => (await json(await t.request('POST', '/api/v1/customers', { body: { name, phone: '+8613800138000', locale } }))).id as string
    const [wang, lin] = [await customer('王芳', 'zh-CN'), await customer('Lin', 'en')]
    for (const id of [wang, lin]) await t.request('POST', '/api/p/notifier/notices', { body: { customerId: id, key: `k:${id}`, template: 'survey.invitation', channel: 'sms' } })
    await t.drainDeliveries()
    expect(sms.find((m) => m.locale === 'zh-CN')!.subject).toBe('王芳，六月问卷')
    expect(sms.find((m) => m.locale === 'en')!.subject).toBe(built.builtIn.en.subject)
    expect((await json(await t.request('GET', '/api/v1/messages?channel=sms'))).items).toHaveLength(2)
    expect((await json(await t.request('GET', '/api/v1/messages?channel=email'))).items).toHaveLength(0)

    expect(await json(await t.request('DELETE', path))).toMatchObject({ edited: [], locales: { 'zh-CN': built.builtIn['zh-CN'] } })
    expect((await json(await t.request('GET', '/api/v1/messaging/templates/nope.nope'))).error.code).toBe('MESSAGE_TEMPLATE_NOT_FOUND')
    expect((await t.request('PUT', path, { body: { locales: { en: { subject: '' } } } })).status).toBe(400)
  })
})
