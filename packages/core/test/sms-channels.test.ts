/**
 * The Aliyun SMS and Tencent Cloud SMS channels through a plugin's `channels` and `ctx.deliver`:
 * each request reaches a local stand-in of the provider that checks its signature as the
 * provider documents it; provider errors are retried or bounced per the delivery service's rules;
 * the credentials never show in the delivery log, events, deliveries or to agents.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { aliyunSignature, aliyunSmsChannel, aliyunSmsConfigSchema } from '../src/messaging/channels/aliyun-sms.js'
import { validSmsNumber } from '../src/messaging/channels/sms-common.js'
import { tc3Sign, tencentSmsChannel, tencentSmsConfigSchema } from '../src/messaging/channels/tencent-sms.js'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { notifierPlugin } from './fixtures/notifier-plugin.js'
import { aliyunDocSignature, startAliyunSms, startTencentSms, type SmsProvider } from './fixtures/sms-providers.js'

describe('the documented signature examples', () => {
  it("reproduces Aliyun's RPC examples (ECS DescribeRegions and SMS SendSms)", () => {
    const ecs = { AccessKeyId: 'testid', Action: 'DescribeRegions', Format: 'XML', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Timestamp: '2016-02-23T12:46:24Z', Version: '2014-05-26' }
    expect(aliyunSignature('GET', ecs, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
    const sms = { AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou', SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0', TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25' }
    expect(aliyunSignature('GET', sms, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=')
    expect(aliyunDocSignature('GET', sms, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=') // the stand-in's own check agrees
  })
  it("reproduces Tencent Cloud's TC3-HMAC-SHA256 example (CVM DescribeInstances)", () => {
    const signed = tc3Sign({
      method: 'POST', path: '/', query: '', service: 'cvm', timestamp: 1551113065,
      headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    }, 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******', 'Gu5t9xGARNpq86cd98joQYCN3*******')
    expect(signed.authorization).toBe('TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c')
  })
  it.each([['+86 138-0013-8000', true], ['13800138000', true], ['+85291234567', true], ['12345', false], ['23800138000', false], ['+0123456789', false]])('accepts %s as an SMS number: %s', (phone, ok) => {
    expect(validSmsNumber(phone)).toBe(ok)
  })
})

const ALIYUN_SECRET = 'aliyun-secret-Zq81'
const TENCENT_SECRET = 'tencent-secret-Kx42'
const templates = { 'survey.invitation': { code: 'SMS_4811', params: ['customerName', 'link'] } }
const smsPlugin = (name: string, channel: string, adapter: unknown, config: unknown): PluginDefinition =>
  ({ name, namespace: name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), version: '1.0.0', host: '^1', config, channels: { [channel]: adapter } }) as PluginDefinition

describe.each(dialects)('SMS channels on %s', (dialect) => {
  let t: TestApp
  let aliyun: SmsProvider
  let tencent: SmsProvider
  const { plugin: notifier } = notifierPlugin()
  const customer = async (phone: string) => (await json(await t.request('POST', '/api/v1/customers', { body: { name: '王芳', phone, locale: 'zh-CN' } }))).id as string
  const send = (customerId: string, channel: string, key: string) =>
    t.request('POST', '/api/p/notifier/notices', { body: { customerId, key, channel, template: 'survey.invitation', link: { path: '/s/{token}', linkId: key, expiresAt: '2099-01-01T00:00:00.000Z' } } })
  const messages = async (customerId: string) => (await json(await t.request('GET', `/api/v1/messages?customerId=${customerId}`, { as: 'agent' }))).items
  const configure = (name: string, config: unknown) => t.request('PUT', `/api/v1/plugins/${name}/config`, { body: config })
  const aliyunConfig = (secret = ALIYUN_SECRET) => ({ accessKeyId: 'LTAI-test', accessKeySecret: secret, signName: '瑞宝商城', templates, endpoint: aliyun.url })
  const tencentConfig = (secret = TENCENT_SECRET) => ({ secretId: 'AKID-test', secretKey: secret, smsSdkAppId: '1400006666', signName: '瑞宝商城', templates, endpoint: tencent.url })

  beforeAll(async () => {
    aliyun = await startAliyunSms('LTAI-test', ALIYUN_SECRET)
    tencent = await startTencentSms('AKID-test', TENCENT_SECRET)
    t = await createTestApp(dialect, { plugins: [notifier, smsPlugin('sms-aliyun', 'aliyun-sms', aliyunSmsChannel, aliyunSmsConfigSchema), smsPlugin('sms-tencent', 'tencent-sms', tencentSmsChannel, tencentSmsConfigSchema)] })
  }, 60_000)
  beforeEach(async () => {
    await t.reset()
    aliyun.requests.length = 0
    tencent.requests.length = 0
    aliyun.answer.code = undefined
    tencent.answer.code = undefined
    expect((await t.request('PUT', '/api/v1/messaging/settings', { body: { publicUrl: 'https://crm.example.cn', defaultLocale: 'zh-CN' } })).status).toBe(200)
    expect((await configure('sms-aliyun', aliyunConfig())).status).toBe(200)
    expect((await configure('sms-tencent', tencentConfig())).status).toBe(200)
  })
  afterAll(async () => { await t.close(); await aliyun.close(); await tencent.close() })

  it('sends through Aliyun SendSms with a signature the provider accepts, retries a rate limit, bounces an illegal number', async () => {
    const wang = await customer('+86 138-0013-8000')
    expect((await send(wang, 'aliyun-sms', 'a1')).status).toBe(200)
    await t.drainDeliveries()
    expect(aliyun.requests).toHaveLength(1)
    const [req] = aliyun.requests
    expect(req).toMatchObject({ signatureValid: true, params: { Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800138000', SignName: '瑞宝商城', TemplateCode: 'SMS_4811' } })
    const param = JSON.parse(req!.params.TemplateParam!)
    expect(param.customerName).toBe('王芳')
    expect(param.link).toMatch(/^https:\/\/crm\.example\.cn\/s\/\S+$/)
    expect((await messages(wang))[0]).toMatchObject({ state: 'sent', channel: 'aliyun-sms', attempts: 1 })

    aliyun.answer.code = 'isv.BUSINESS_LIMIT_CONTROL'
    await send(wang, 'aliyun-sms', 'a2')
    await t.drainDeliveries()
    expect((await messages(wang))[0]).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL') })
    aliyun.answer.code = undefined
    t.advance(2 * 60_000)
    await t.drainDeliveries()
    expect((await messages(wang))[0]).toMatchObject({ state: 'sent', attempts: 2 })

    aliyun.answer.code = 'isv.MOBILE_NUMBER_ILLEGAL'
    await send(wang, 'aliyun-sms', 'a3')
    await t.drainDeliveries()
    expect((await messages(wang))[0]).toMatchObject({ state: 'bounced', attempts: 1 })
    expect(aliyun.requests.every((r) => r.signatureValid)).toBe(true)
  })

  it('sends through Tencent Cloud SendSms signed with TC3-HMAC-SHA256; a wrong key is refused and retried, a blacklisted number bounces', async () => {
    const wang = await customer('13800138000')
    await send(wang, 'tencent-sms', 't1')
    await t.drainDeliveries()
    const [req] = tencent.requests
    expect(req).toMatchObject({ signatureValid: true, params: { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400006666', SignName: '瑞宝商城', TemplateId: 'SMS_4811' } })
    expect((req!.params.TemplateParamSet as unknown as string[])[0]).toBe('王芳')
    expect((await messages(wang))[0]).toMatchObject({ state: 'sent', channel: 'tencent-sms' })

    expect((await configure('sms-tencent', tencentConfig('a-wrong-key'))).status).toBe(200)
    await send(wang, 'tencent-sms', 't2')
    await t.drainDeliveries()
    expect(tencent.requests[1]!.signatureValid).toBe(false)
    expect((await messages(wang))[0]).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringContaining('AuthFailure.SignatureFailure') })
    expect((await configure('sms-tencent', tencentConfig())).status).toBe(200)
    t.advance(2 * 60_000)
    await t.drainDeliveries()
    expect((await messages(wang))[0]).toMatchObject({ state: 'sent', attempts: 2 })

    tencent.answer.code = 'FailedOperation.PhoneNumberInBlacklist'
    await send(wang, 'tencent-sms', 't3')
    await t.drainDeliveries()
    expect((await messages(wang))[0]).toMatchObject({ state: 'bounced', lastError: expect.stringContaining('PhoneNumberInBlacklist') })
  })

  it('refuses a number no SMS can reach where it is given: a customer, a consent, a test send', async () => {
    for (const phone of ['12345', '010-6552 9988', '+0123456789']) {
      const res = await t.request('POST', '/api/v1/customers', { body: { name: '王芳', phone } })
      expect(res.status, phone).toBe(400)
      expect((await json(res)).error.details.issues[0]).toMatchObject({ path: 'body.phone', message: expect.stringContaining('E.164') })
    }
    const wang = await customer('+86 10 6552 9988')
    expect((await t.request('PATCH', `/api/v1/customers/${wang}`, { body: { phone: '6552 9988' } })).status).toBe(400)
    const noPhone = (await json(await t.request('POST', '/api/v1/customers', { body: { name: '李雷' } }))).id as string
    const grant = await t.request('PUT', `/api/v1/customers/${noPhone}/consents/aliyun-sms`, { body: { state: 'granted' } })
    expect(grant.status).toBe(422)
    expect((await json(grant)).error).toMatchObject({ code: 'MESSAGE_ADDRESS_INVALID', details: { channel: 'aliyun-sms' } })
    expect((await t.request('PUT', `/api/v1/customers/${noPhone}/consents/aliyun-sms`, { body: { state: 'withdrawn' } })).status).toBe(200)
    expect((await t.request('PUT', `/api/v1/customers/${wang}/consents/aliyun-sms`, { body: { state: 'granted' } })).status).toBe(200)
    const test = await t.request('POST', '/api/v1/messaging/test', { body: { channel: 'aliyun-sms', to: '12345' } })
    expect(test.status).toBe(422)
    expect((await json(test)).error.code).toBe('MESSAGE_ADDRESS_INVALID')
    expect(aliyun.requests).toHaveLength(0)
  })

  it('keeps the secrets out of the delivery log, events and deliveries, and from agents', async () => {
    const wang = await customer('+8613800138000')
    await configure('sms-aliyun', aliyunConfig('wrong-' + ALIYUN_SECRET)) // a refusal, so an error is logged too
    await send(wang, 'aliyun-sms', 's1')
    await send(wang, 'tencent-sms', 's2')
    await t.drainDeliveries()
    const seen = JSON.stringify([
      await json(await t.request('GET', `/api/v1/messages?customerId=${wang}`)),
      await json(await t.request('GET', `/api/v1/customers/${wang}/events`)),
      await json(await t.request('GET', '/api/v1/deliveries')),
      await json(await t.request('GET', '/api/v1/plugins/sms-aliyun', { as: 'agent' })),
      await json(await t.request('GET', '/api/v1/plugins/sms-tencent', { as: 'agent' })),
    ])
    expect(seen).toContain('SignatureDoesNotMatch')
    expect(seen).not.toContain(ALIYUN_SECRET)
    expect(seen).not.toContain(TENCENT_SECRET)
    expect(seen).toContain('********')
  })
})
