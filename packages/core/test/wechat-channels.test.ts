/**
 * The WeChat Official Account (`wechat`) and WeCom (`wecom`) channels through `ctx.deliver`,
 * against local stand-ins that check requests as each provider documents them: the token is
 * fetched once and cached, a token the provider expired or refuses is fetched again once, other
 * errcodes retry (busy) or bounce (not a follower, unknown member); the addresses are refused at
 * the edge when they are not ones; the credentials are stored encrypted and never shown to
 * anyone but owners and admins, nor in messages, events or deliveries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPiiCipher } from '../src/crypto/pii-cipher.js'
import { rekeyMessagingSecrets } from '../src/messaging/channels/rekey-messaging-secrets.js'
import { forgetAccessTokens } from '../src/messaging/channels/wechat-api.js'
import { createTestApp, dialects, json, SECRET, type TestApp } from '../testing/test-app.js'
import { notifierPlugin } from './fixtures/notifier-plugin.js'
import { startWechatOa, startWecom, type WechatProvider } from './fixtures/wechat-providers.js'

const APP_SECRET = 'wx-app-secret-7Hq2'
const CORP_SECRET = 'wecom-corp-secret-Lm93'
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'

describe.each(dialects)('WeChat channels on %s', (dialect) => {
  let t: TestApp
  let wx: WechatProvider
  let wc: WechatProvider
  const { plugin: notifier } = notifierPlugin()
  const settings = () => ({
    publicUrl: 'https://crm.example.cn', defaultLocale: 'zh-CN',
    wechat: { appId: 'wx8888', appSecret: APP_SECRET, apiBase: wx.url, templates: { 'survey.invitation': { templateId: 'TPL-survey', fields: { thing1: 'customerName' } } } },
    wecom: { corpId: 'ww01', agentId: 1000002, corpSecret: CORP_SECRET, apiBase: wc.url },
  })
  const customer = async () => (await json(await t.request('POST', '/api/v1/customers', { body: { name: '王芳', locale: 'zh-CN' } }))).id as string
  const agent = async () => (await json(await t.request('POST', '/api/v1/users', { body: { email: 'li.agent@example.cn', name: '李客服', role: 'agent', password: 'long-enough-pw' } }))).id as string
  const invite = (customerId: string, key: string) =>
    t.request('POST', '/api/p/notifier/notices', { body: { customerId, key, channel: 'wechat', template: 'survey.invitation', link: { path: '/s/{token}', linkId: key, expiresAt: '2099-01-01T00:00:00.000Z' } } })
  const notice = (userId: string, key: string) => t.request('POST', '/api/p/notifier/notices', { body: { userId, key, data: { title: '新投诉', body: '一件投诉分配给了您' } } })
  const messages = async (q: string) => (await json(await t.request('GET', `/api/v1/messages?${q}`, { as: 'agent' }))).items
  const sends = (p: WechatProvider) => p.requests.filter((r) => r.path.endsWith('/send'))

  beforeAll(async () => {
    wx = await startWechatOa('wx8888', APP_SECRET)
    wc = await startWecom('ww01', 1000002, CORP_SECRET)
    t = await createTestApp(dialect, { plugins: [notifier] })
  }, 60_000)
  beforeEach(async () => {
    await t.reset()
    forgetAccessTokens()
    for (const p of [wx, wc]) { p.requests.length = 0; p.next.length = 0; p.tokensIssued = 0; p.unknown.clear() }
    expect((await t.request('PUT', '/api/v1/messaging/settings', { body: settings() })).status).toBe(200)
  })
  afterAll(async () => { await t.close(); await wx.close(); await wc.close() })

  it('sends a template message to the openid, reuses the token, fetches it again once when it expired, retries a busy answer and bounces a non-follower', async () => {
    const wang = await customer()
    expect((await t.request('PUT', `/api/v1/customers/${wang}/message-addresses`, { body: { wechatOpenId: OPENID } })).status).toBe(200)
    await invite(wang, 'w1')
    await invite(wang, 'w2')
    await t.drainDeliveries()
    expect(wx.tokensIssued).toBe(1)
    const [first] = sends(wx)
    expect(first!.body).toMatchObject({ touser: OPENID, template_id: 'TPL-survey', data: { thing1: { value: '王芳' } }, url: expect.stringMatching(/^https:\/\/crm\.example\.cn\/s\/\S+$/) })
    expect(wx.requests[0]!.body).toEqual({ grant_type: 'client_credential', appid: 'wx8888', secret: APP_SECRET, force_refresh: false })
    expect((await messages(`customerId=${wang}`)).map((m: { state: string; channel: string }) => [m.state, m.channel])).toEqual([['sent', 'wechat'], ['sent', 'wechat']])

    wx.expireTokens()
    await invite(wang, 'w3')
    await t.drainDeliveries()
    expect(wx.tokensIssued).toBe(2)
    expect((await messages(`customerId=${wang}`))[0]).toMatchObject({ state: 'sent', attempts: 1 })

    wx.next.push(-1)
    await invite(wang, 'w4')
    await t.drainDeliveries()
    expect((await messages(`customerId=${wang}`))[0]).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringContaining('WeChat -1: WeChat is busy') })
    t.advance(2 * 60_000)
    await t.drainDeliveries()
    expect((await messages(`customerId=${wang}`))[0]).toMatchObject({ state: 'sent', attempts: 2 })

    wx.unknown.add(OPENID)
    await invite(wang, 'w5')
    await t.drainDeliveries()
    expect((await messages(`customerId=${wang}`))[0]).toMatchObject({ state: 'bounced', lastError: expect.stringContaining('WeChat 43004: the customer does not follow the Official Account') })
  })

  it('sends a staff notice by WeCom when the user chose it (text card with the admin link), refreshes a refused token once and bounces an unknown member', async () => {
    const li = await agent()
    expect((await t.request('PUT', `/api/v1/users/${li}/notifications`, { body: { channel: 'wecom', wecomUserId: 'LiKeFu' } })).status).toBe(200)
    await notice(li, 'n1')
    await t.drainDeliveries()
    expect(wc.requests[0]).toMatchObject({ path: '/cgi-bin/gettoken', query: { corpid: 'ww01', corpsecret: CORP_SECRET } })
    expect(sends(wc)[0]!.body).toMatchObject({ touser: 'LiKeFu', agentid: 1000002, msgtype: 'text', text: { content: expect.stringContaining('一件投诉分配给了您') } })
    expect((await messages(`state=sent`))[0]).toMatchObject({ userId: li, channel: 'wecom' })

    wc.expireTokens()
    await t.request('POST', '/api/p/notifier/notices', { body: { userId: li, key: 'n2', data: { title: '新投诉', body: '请处理' }, link: { path: '/admin/plugins/complaint-tracking/cases/cmp_1', linkId: 'cmp_1', expiresAt: '2099-01-01T00:00:00.000Z' } } })
    await t.drainDeliveries()
    expect(wc.tokensIssued).toBe(2)
    expect(sends(wc).at(-1)!.body).toMatchObject({ msgtype: 'textcard', textcard: { title: '新投诉', url: 'https://crm.example.cn/admin/plugins/complaint-tracking/cases/cmp_1' } })

    wc.unknown.add('LiKeFu')
    await notice(li, 'n3')
    await t.drainDeliveries()
    expect((await json(await t.request('GET', '/api/v1/messages?state=bounced')))).toMatchObject({ items: [{ userId: li, channel: 'wecom', lastError: expect.stringContaining('WeCom 81013') }] })

    // Back to the default (email, not set up here): the notice is not sent by WeCom.
    await t.request('PUT', `/api/v1/users/${li}/notifications`, { body: { channel: null, wecomUserId: 'LiKeFu' } })
    const before = sends(wc).length
    await notice(li, 'n4')
    await t.drainDeliveries()
    expect(sends(wc)).toHaveLength(before)
  })

  it('refuses an openid or a WeCom UserID that is not one, and a consent on WeChat without an openid, at the edge; a test send reaches WeCom', async () => {
    const wang = await customer()
    const li = await agent()
    const bad = await t.request('PUT', `/api/v1/customers/${wang}/message-addresses`, { body: { wechatOpenId: 'not an openid!' } })
    expect(bad.status).toBe(422)
    expect((await json(bad)).error).toMatchObject({ code: 'MESSAGE_ADDRESS_INVALID', details: { channel: 'wechat' } })
    const badUser = await t.request('PUT', `/api/v1/users/${li}/notifications`, { body: { channel: 'wecom', wecomUserId: '李 客服' } })
    expect(badUser.status).toBe(422)
    expect((await t.request('PUT', `/api/v1/users/${li}/notifications`, { body: { channel: 'wecom', wecomUserId: 'LiKeFu' }, as: 'agent' })).status).toBe(403)
    expect((await t.request('PUT', `/api/v1/customers/${wang}/consents/wechat`, { body: { state: 'granted' } })).status).toBe(422)
    expect((await t.request('POST', '/api/v1/messaging/test', { body: { channel: 'wecom', to: '李 客服' } })).status).toBe(422)
    expect(await json(await t.request('POST', '/api/v1/messaging/test', { body: { channel: 'wecom', to: 'LiKeFu' } }))).toEqual({ sent: true, error: null })
    expect(sends(wc)[0]!.body).toMatchObject({ touser: 'LiKeFu', msgtype: 'text' })
  })

  it('stores the AppSecret and the WeCom Secret encrypted, masks them, and keeps them out of messages, events, deliveries and errors', async () => {
    const wang = await customer()
    await t.request('PUT', `/api/v1/customers/${wang}/message-addresses`, { body: { wechatOpenId: OPENID } })
    const stored = JSON.stringify(await t.db.all('SELECT value FROM core_messaging_settings'))
    expect(stored).not.toContain(APP_SECRET)
    expect(stored).not.toContain(CORP_SECRET)
    const read = await json(await t.request('GET', '/api/v1/messaging/settings'))
    expect(read).toMatchObject({ wechat: { appSecret: '********' }, wecom: { corpSecret: '********' } })
    expect((await t.request('GET', '/api/v1/messaging/settings', { as: 'agent' })).status).toBe(403)
    // Sending the masked value back keeps the secret: the next send still gets a token.
    expect((await t.request('PUT', '/api/v1/messaging/settings', { body: read })).status).toBe(200)
    await invite(wang, 's1')
    await t.drainDeliveries()
    expect((await messages(`customerId=${wang}`))[0]).toMatchObject({ state: 'sent' })

    await t.request('PUT', '/api/v1/messaging/settings', { body: { ...settings(), wechat: { ...settings().wechat, appSecret: `wrong-${APP_SECRET}` } } })
    forgetAccessTokens()
    await invite(wang, 's2')
    await t.drainDeliveries()
    const seen = JSON.stringify([
      await json(await t.request('GET', `/api/v1/messages?customerId=${wang}`)),
      await json(await t.request('GET', `/api/v1/customers/${wang}/events`)),
      await json(await t.request('GET', '/api/v1/deliveries')),
    ])
    expect(seen).toContain('WeChat token 40125: the AppSecret is not valid')
    expect(seen).not.toContain(APP_SECRET)
    expect(seen).not.toContain(CORP_SECRET)
    expect(seen).not.toContain(OPENID)
  })

  it('re-keys the channel credentials and the WeChat addresses when the server secret is rotated', async () => {
    const wang = await customer()
    await t.request('PUT', `/api/v1/customers/${wang}/message-addresses`, { body: { wechatOpenId: OPENID } })
    const to = createPiiCipher('a-new-secret-9876543210fedcba')
    expect(await t.db.tx((tx) => rekeyMessagingSecrets(tx, createPiiCipher(SECRET), to))).toEqual({ values: 3, unreadable: 0 })
    const row = (await t.db.get<{ value: string | Record<string, any> }>("SELECT value FROM core_messaging_settings WHERE id = 'messaging'"))!
    const value = typeof row.value === 'string' ? JSON.parse(row.value) : row.value
    expect([to.decrypt(value.wechat.appSecretEnc), to.decrypt(value.wecom.corpSecretEnc)]).toEqual([APP_SECRET, CORP_SECRET])
    const address = (await t.db.get<{ address_enc: string }>('SELECT address_enc FROM core_message_addresses WHERE recipient_id = ?', [wang]))!
    expect(to.decrypt(address.address_enc)).toBe(OPENID)
    // The old key reads none of them any more: a second rotation from it is refused value by value.
    expect(await t.db.tx((tx) => rekeyMessagingSecrets(tx, createPiiCipher(SECRET), to))).toEqual({ values: 0, unreadable: 3 })
  })
})
