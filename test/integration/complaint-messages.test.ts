/**
 * Issue 22's complaint messages, end to end over HTTP and a real SMTP server with every installed
 * plugin: the customer hears, in their own language, that the complaint was received, answered
 * and resolved (an internal note tells them nothing), with a link that opens their case; the
 * agent hears that a case was assigned to them (not when they took it themselves) and that it
 * missed its SLA, in the business's default language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '@rapport/core/testing'
import { startSmtpSink, type SmtpSink } from '../../packages/core/test/fixtures/smtp-sink.js'
import { COMPLAINTS, createFullApp, expectStatus } from '../support/full-app.js'
import type { TestApp } from '@rapport/core/testing'

describe.each(dialects)('complaint messages on %s', (dialect) => {
  let t: TestApp
  let smtp: SmtpSink
  beforeAll(async () => {
    smtp = await startSmtpSink()
    t = await createFullApp(dialect)
    await expectStatus(await t.request('PUT', '/api/v1/messaging/settings', { body: { publicUrl: 'https://crm.example.cn', defaultLocale: 'zh-CN', email: { host: '127.0.0.1', port: smtp.port, from: 'service@shop.example.cn' } } }), 200, 'settings')
  }, 90_000)
  afterAll(async () => { await t.close(); await smtp.close() })

  it('tells the customer in their language and the assigned agent, through ctx.deliver', async () => {
    const call = async (method: string, path: string, status: number, options: Parameters<TestApp['request']>[2] = {}) => expectStatus(await t.request(method, path, options), status, `${method} ${path}`)
    const agent = await call('POST', '/api/v1/users', 201, { body: { email: 'li.agent@shop.example.cn', name: '李客服', role: 'agent', password: 'long-enough-pw' } })
    const mailsTo = (address: string) => smtp.mails.filter((m) => JSON.stringify(m.to).includes(address)).map((m) => m.subject)

    const wang = (await call('POST', '/api/v1/customers', 201, { body: { name: '王芳', email: 'wang.fang@example.cn', locale: 'zh-CN' } })).id as string
    const filed = await call('POST', `${COMPLAINTS}/cases`, 201, { body: { customerId: wang, category: 'other', description: 'The parcel arrived broken' } })
    const number = filed.caseNumber as string
    await call('POST', `${COMPLAINTS}/cases/${filed.id}/assignment`, 200, { body: { assigneeId: agent.id } })
    await call('POST', `${COMPLAINTS}/cases/${filed.id}/messages`, 201, { body: { body: 'Checking with the courier', visibility: 'internal' } })
    expect(smtp.mails).toHaveLength(0) // sent after commit, by the delivery worker
    await t.drainDeliveries()
    expect(mailsTo('wang.fang@example.cn')).toEqual([`我们已收到您的投诉 ${number}`])
    expect(mailsTo('li.agent@shop.example.cn')).toEqual([`投诉 ${number} 已分配给您`])

    // A week on with no answer (in steps, so the staff session stays alive): the first response is late, and the agent hears it.
    for (let step = 0; step < 28; step += 1) {
      t.advance(6 * 3_600_000)
      await call('GET', '/api/v1/customers?limit=1', 200)
    }
    await t.runJob('complaint-tracking:escalate-sla')
    await t.drainDeliveries()
    expect(mailsTo('li.agent@shop.example.cn')).toContain(`投诉 ${number} 已超时`)

    await call('POST', `${COMPLAINTS}/cases/${filed.id}/messages`, 201, { body: { body: 'A new parcel is on its way', visibility: 'customer' } })
    for (const to of ['open', 'resolved']) await call('POST', `${COMPLAINTS}/cases/${filed.id}/transitions`, 200, { body: { to, resolutionCode: 'replaced', summary: 'New parcel sent' } })
    await t.drainDeliveries()
    // The reply and the resolution are queued together; the worker may send them in either order.
    expect(mailsTo('wang.fang@example.cn').sort()).toEqual([`我们已收到您的投诉 ${number}`, `您的投诉 ${number} 有新回复`, `您的投诉 ${number} 已处理完毕`].sort())
    const reply = smtp.mails.find((m) => m.subject === `您的投诉 ${number} 有新回复`)!
    expect(reply.text).toContain('王芳，您好')
    const token = new RegExp(`https://crm\\.example\\.cn/c/(\\S+)/${filed.id}`).exec(reply.text ?? '')![1]!
    // The link opens the customer's own case: it passes the same-customer check (the case is resolved, so no answer is taken).
    const answer = await call('POST', `${COMPLAINTS}/me/cases/${filed.id}/messages`, 409, { as: { link: token }, body: { body: '谢谢' } })
    expect(answer.error.code).toBe('COMPLAINTS_CASE_CLOSED')

    // An English customer reads English; an agent taking a case themselves gets no notice.
    const lin = (await call('POST', '/api/v1/customers', 201, { body: { name: 'Lin Bo', email: 'lin.bo@example.com', locale: 'en' } })).id as string
    const second = await call('POST', `${COMPLAINTS}/cases`, 201, { body: { customerId: lin, category: 'other', description: 'Late delivery' } })
    await call('POST', `${COMPLAINTS}/cases/${second.id}/assignment`, 200, { as: 'agent', body: { assigneeId: (await call('GET', '/api/v1/auth/me', 200, { as: 'agent' })).user.id } })
    await t.drainDeliveries()
    expect(mailsTo('lin.bo@example.com')).toEqual([`We received your complaint ${second.caseNumber}`])
    const log = (await call('GET', '/api/v1/messages?limit=200', 200)).items as Array<{ plugin: string; template: string }>
    expect(log.filter((m) => m.template === 'complaint.assigned')).toHaveLength(1)
  })

  it('tells the agent an SLA escalation passed a late case on to them', async () => {
    const call = async (method: string, path: string, status: number, options: Parameters<TestApp['request']>[2] = {}) => expectStatus(await t.request(method, path, options), status, `${method} ${path}`)
    const lead = await call('POST', '/api/v1/users', 201, { body: { email: 'zhou.lead@shop.example.cn', name: '周主管', role: 'agent', password: 'long-enough-pw' } })
    const plugin = await call('GET', '/api/v1/plugins/complaint-tracking', 200)
    const config = structuredClone(plugin.config)
    for (const policy of config.sla.policies) policy.escalation.breached = [{ type: 'reassign', assigneeId: lead.id }]
    await call('PUT', '/api/v1/plugins/complaint-tracking/config', 200, { body: config })
    const zhao = (await call('POST', '/api/v1/customers', 201, { body: { name: '赵敏', locale: 'zh-CN' } })).id as string
    const filed = await call('POST', `${COMPLAINTS}/cases`, 201, { body: { customerId: zhao, category: 'other', description: 'No answer' } })
    for (let step = 0; step < 28; step += 1) {
      t.advance(6 * 3_600_000)
      await call('GET', '/api/v1/customers?limit=1', 200)
    }
    await t.runJob('complaint-tracking:escalate-sla')
    await t.drainDeliveries()
    expect(smtp.mails.filter((m) => JSON.stringify(m.to).includes('zhou.lead@shop.example.cn')).map((m) => m.subject)).toContain(`投诉 ${filed.caseNumber} 已升级转给您`)
  })
})
