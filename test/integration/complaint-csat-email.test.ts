/**
 * Issue 22's first use, end to end over HTTP and a real SMTP server, with every installed plugin:
 * resolving a complaint emails the customer a CSAT survey link in the customer's own language;
 * the link opens the survey in that language too, the answer lands on the case, and the
 * invitation is marked sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '@rapport/core/testing'
import { startSmtpSink, type SmtpSink } from '../../packages/core/test/fixtures/smtp-sink.js'
import { COMPLAINTS, SURVEY, createFullApp, expectStatus } from '../support/full-app.js'
import type { TestApp } from '@rapport/core/testing'

describe.each(dialects)('a resolved complaint emails its CSAT survey on %s', (dialect) => {
  let t: TestApp
  let smtp: SmtpSink
  beforeAll(async () => {
    smtp = await startSmtpSink()
    t = await createFullApp(dialect)
  }, 90_000)
  afterAll(async () => { await t.close(); await smtp.close() })

  it('sends each customer the link in their language, and the answer lands on the case', async () => {
    const call = async (method: string, path: string, status: number, options: Parameters<TestApp['request']>[2] = {}) => expectStatus(await t.request(method, path, options), status, `${method} ${path}`)
    await call('PUT', '/api/v1/messaging/settings', 200, { body: { publicUrl: 'https://crm.example.cn', email: { host: '127.0.0.1', port: smtp.port, from: 'service@shop.example.cn' } } })
    await call('PUT', '/api/v1/plugins/satisfaction-survey/config', 200, { body: { quietDays: 0 } })
    const survey = await call('POST', `${SURVEY}/surveys`, 201, { body: { name: 'After a complaint', templateId: 'csat-complaint', triggers: [{ on: 'complaint.resolved', delayDays: 0 }] } })
    await call('POST', `${SURVEY}/surveys/${survey.id}/versions`, 201)
    const people = [
      { name: '王芳', email: 'wang.fang@example.cn', locale: 'zh-CN', subject: '您的投诉处理得怎么样？', greeting: '王芳，您好' },
      { name: 'Lin Bo', email: 'lin.bo@example.com', locale: 'en', subject: 'How did we handle your complaint?', greeting: 'Hello Lin Bo' },
    ]
    const cases: string[] = []
    for (const p of people) {
      const customerId = (await call('POST', '/api/v1/customers', 201, { body: { name: p.name, email: p.email, locale: p.locale } })).id as string
      const filed = await call('POST', `${COMPLAINTS}/cases`, 201, { body: { customerId, category: 'other', description: 'The parcel arrived broken' } })
      cases.push(filed.id)
      for (const to of ['open', 'resolved']) await call('POST', `${COMPLAINTS}/cases/${filed.id}/transitions`, 200, { body: { to, resolutionCode: 'replaced', summary: 'New parcel sent' } })
    }
    expect(smtp.mails).toHaveLength(0) // sent after commit, by the delivery worker
    await t.drainDeliveries()
    // complaint-tracking's own messages (received, resolved) go too: test/integration/complaint-messages.
    expect(smtp.mails.filter((m) => people.some((p) => m.subject === p.subject))).toHaveLength(2)

    for (const [i, p] of people.entries()) {
      const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes(p.email) && m.subject === p.subject)!
      expect(mail.subject).toBe(p.subject)
      expect(mail.text).toContain(p.greeting)
      const token = /https:\/\/crm\.example\.cn\/s\/(\S+)/.exec(mail.text ?? '')![1]!
      expect(mail.html).toContain(`https://crm.example.cn/s/${token}`)
      // The link opens the survey as this customer, in their language, and the answer lands on the case.
      expect(await call('GET', `${SURVEY}/respond`, 200, { as: { link: token } })).toMatchObject({ locale: p.locale })
      await call('POST', `${SURVEY}/respond/${survey.id}/complete`, 201, { as: { link: token }, body: { answers: { csat: 4 + i, resolved: true } } })
      expect(await call('GET', `${COMPLAINTS}/cases/${cases[i]}`, 200)).toMatchObject({ csat: 4 + i })
    }
    const invitations = (await call('GET', `${SURVEY}/invitations?surveyId=${survey.id}`, 200)).items as Array<{ sentAt: string | null }>
    expect(invitations).toHaveLength(2)
    for (const inv of invitations) expect(inv.sentAt).not.toBeNull()
    const log = (await call('GET', '/api/v1/messages?state=sent', 200)).items as Array<{ template: string; plugin: string }>
    expect(log.filter((m) => m.plugin === 'satisfaction-survey').map((m) => [m.plugin, m.template])).toEqual([['satisfaction-survey', 'complaint.csat-survey'], ['satisfaction-survey', 'complaint.csat-survey']])
  })
})
