import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, fileCase, userIdOf, walk } from './complaints-client.js'

describe.each(dialects)('agent tools on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('keeps canned replies per language and offers a case those of its category, its ancestors and the general ones', async () => {
    const add = async (body: Record<string, unknown>) => host.json(await host.as('agent').post(`${base}/canned-replies`, body))
    const general = await add({ title: '致歉', body: '非常抱歉给您带来不便。', locale: 'zh-CN' })
    const quality = await add({ title: '质量问题', body: '我们会为您更换新品。', locale: 'zh-CN', category: 'product' })
    await add({ title: 'Late delivery', body: 'Your parcel is on its way.', locale: 'en', category: 'delivery' })
    await add({ title: '物流', body: '包裹已在路上。', locale: 'zh-CN', category: 'delivery' })
    const offered = await host.json(await host.as('analyst').get(`${base}/canned-replies?locale=zh-CN&category=product.quality`))
    expect(offered.items.map((r: any) => r.id)).toEqual([general.id, quality.id])
    expect((await host.json(await host.as('agent').put(`${base}/canned-replies/${quality.id}`, { title: '质量问题', body: '我们会为您退款或换新。', locale: 'zh-CN', category: 'product.quality' }))).body).toBe('我们会为您退款或换新。')
    expect((await host.json(await host.as('agent').post(`${base}/canned-replies`, { title: 'x', body: 'y', locale: 'en', category: 'nope' }))).error.code).toBe('COMPLAINTS_CATEGORY_UNKNOWN')
    expect((await host.as('agent').delete(`${base}/canned-replies/${general.id}`)).status).toBe(204)
    expect((await host.json(await host.as('agent').delete(`${base}/canned-replies/${general.id}`))).error.code).toBe('COMPLAINTS_CANNED_REPLY_NOT_FOUND')
  })

  it('merges a duplicate into the surviving case: closed, pointing to it, tags carried, history kept on both', async () => {
    const customerId = await host.customer()
    const survivor = await fileCase(host, customerId)
    const duplicate = await fileCase(host, customerId, { description: 'Same leaking cup, called again' })
    await host.http.patch(`${base}/cases/${duplicate.id}`, { tags: ['repeat'] })
    const merged = await host.as('agent').post(`${base}/cases/${duplicate.id}/merge`, { into: survivor.id })
    expect(merged.status).toBe(200)
    const dup = await caseOf(host, duplicate.id)
    expect(dup).toMatchObject({ status: 'closed', mergedInto: survivor.id })
    expect(dup.history.map((h: any) => h.action)).toEqual(['created', 'tags_changed', 'merged'])
    const kept = await caseOf(host, survivor.id)
    expect(kept).toMatchObject({ status: 'new', tags: ['repeat'], mergedInto: null })
    expect(kept.history.at(-1)).toMatchObject({ action: 'merged_from', details: { caseId: duplicate.id, caseNumber: duplicate.caseNumber } })
    expect(await host.profile(customerId)).toMatchObject({ 'complaints.open': 1, 'complaints.total': 2 })
    const again = await host.as('agent').post(`${base}/cases/${duplicate.id}/merge`, { into: survivor.id })
    expect([again.status, (await host.json(again)).error.code]).toEqual([409, 'COMPLAINTS_CASE_MERGED'])
    const stranger = await fileCase(host, await host.customer())
    expect((await host.json(await host.as('agent').post(`${base}/cases/${stranger.id}/merge`, { into: survivor.id }))).error).toMatchObject({ code: 'COMPLAINTS_MERGE_INVALID', details: { reason: 'different customers' } })
  })

  it('assigns, moves and tags many cases at once, reporting each refusal with its code', async () => {
    const agent = await userIdOf(host, 'agent')
    const customerId = await host.customer()
    const [a, b, done] = [await fileCase(host, customerId), await fileCase(host, customerId), await fileCase(host, customerId)]
    await walk(host, done.id, ['open', 'resolved', 'closed'])
    const res = await host.as('agent').post(`${base}/cases/bulk`, { ids: [a.id, b.id, done.id], assigneeId: agent, status: 'open', addTags: ['批量'] })
    expect((await host.json(res)).results).toEqual([
      { id: a.id, ok: true }, { id: b.id, ok: true }, { id: done.id, ok: false, error: { code: 'COMPLAINTS_CASE_CLOSED', message: expect.any(String) } },
    ])
    for (const id of [a.id, b.id]) expect(await caseOf(host, id)).toMatchObject({ status: 'open', assigneeId: agent, tags: ['批量'] })
    expect((await host.as('agent').post(`${base}/cases/bulk`, { ids: [a.id] })).status).toBe(400)
    // An assignee who does not exist is the request's fault: refused once, before any case changes (even when no case exists).
    for (const ids of [[a.id], ['no-such-case']]) {
      const nobody = await host.as('agent').post(`${base}/cases/bulk`, { ids, assigneeId: 'usr_nobody', status: 'resolved' })
      expect([nobody.status, (await host.json(nobody)).error.code]).toEqual([422, 'COMPLAINTS_ASSIGNEE_NOT_FOUND'])
    }
    expect(await caseOf(host, a.id)).toMatchObject({ status: 'open', assigneeId: agent })
  })

  it("lists the caller's queue with assignee=me and keeps each person's saved views to themselves", async () => {
    const agent = await userIdOf(host, 'agent')
    const customerId = await host.customer()
    const mine = await fileCase(host, customerId)
    await fileCase(host, customerId)
    await host.http.post(`${base}/cases/${mine.id}/assignment`, { assigneeId: agent })
    expect((await host.json(await host.as('agent').get(`${base}/cases?assignee=me`))).items.map((c: any) => c.id)).toEqual([mine.id])
    expect((await host.json(await host.http.get(`${base}/cases?assignee=me`))).items).toEqual([])
    const view = await host.json(await host.as('agent').post(`${base}/views`, { name: '我的紧急投诉', filters: { assignee: 'me', priority: 'urgent' } }))
    expect((await host.json(await host.as('agent').get(`${base}/views`))).items).toEqual([view])
    expect((await host.json(await host.as('admin').get(`${base}/views`))).items).toEqual([])
    expect((await host.as('admin').delete(`${base}/views/${view.id}`)).status).toBe(404)
    expect((await host.as('agent').delete(`${base}/views/${view.id}`)).status).toBe(204)
  })
  it('keeps custom fields per category, checked against the config, with a history entry', async () => {
    const label = (en: string) => ({ 'zh-CN': en, en })
    await host.host!.configure('complaint-tracking', { customFields: [
      { key: 'carrier', label: label('Carrier'), type: 'select', options: [{ value: 'sf', label: label('SF Express') }], categories: ['delivery'] },
      { key: 'refundMinor', label: label('Refund'), type: 'number' },
    ] })
    try {
      const c = await fileCase(host, await host.customer(), { category: 'delivery.late' })
      const res = await host.as('agent').patch(`${base}/cases/${c.id}`, { fields: { carrier: 'sf', refundMinor: 1_500 } })
      expect((await host.json(res)).fields).toEqual({ carrier: 'sf', refundMinor: 1_500 })
      expect((await caseOf(host, c.id)).history.at(-1)).toMatchObject({ action: 'fields_changed', details: { changes: { carrier: { from: null, to: 'sf' }, refundMinor: { from: null, to: 1_500 } } } })
      for (const [fields, code] of [[{ carrier: 'ems' }, 'COMPLAINTS_FIELD_INVALID'], [{ refundMinor: 'ten' }, 'COMPLAINTS_FIELD_INVALID'], [{ colour: 'red' }, 'COMPLAINTS_FIELD_UNKNOWN']] as const) {
        const bad = await host.as('agent').patch(`${base}/cases/${c.id}`, { fields })
        expect([bad.status, (await host.json(bad)).error.code]).toEqual([422, code])
      }
      const other = await fileCase(host, await host.customer(), { category: 'billing' })
      expect((await host.json(await host.as('agent').patch(`${base}/cases/${other.id}`, { fields: { carrier: 'sf' } }))).error.code).toBe('COMPLAINTS_FIELD_UNKNOWN')
      expect((await host.json(await host.as('agent').patch(`${base}/cases/${c.id}`, { fields: { carrier: null } }))).fields).toEqual({ refundMinor: 1_500 })
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })
})
