/**
 * Survey markup is cleaned when it is stored: html questions, the completed pages and their
 * conditional variants, in every locale, whether the survey is created from JSON, edited or
 * published; harmless formatting stays, and texts drawn as text (titles) are stored as written.
 */
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import satisfactionSurvey from '../server/index.js'
import { base, npsSurveyJson } from './survey-client.js'

const payloads = {
  img: '<p>Hi <b>there</b></p><img src=x onerror=alert(1)>',
  script: '<i>ok</i><script>alert(1)</script>',
  link: '<a href="javascript:alert(1)">click</a><a href="https://shop.example/help" target="_blank">help</a>',
  svg: '<svg onload=alert(1)><circle r="1"/></svg><u>kept</u>',
  frame: '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name=x></form><style>body{display:none}</style><p style="position:fixed" onclick="alert(1)">styled</p>',
}

const withPayloads = {
  title: { default: '<img src=x onerror=alert(1)> Title', 'zh-cn': '<b>标题</b>' },
  completedHtml: { default: payloads.img, 'zh-cn': `<h3>谢谢</h3>${payloads.script}` },
  completedBeforeHtml: payloads.svg,
  loadingHtml: payloads.frame,
  completedHtmlOnCondition: [{ expression: '{nps} >= 9', html: { default: payloads.link, 'zh-cn': payloads.img } }],
  pages: [{
    name: 'p1',
    elements: [
      { type: 'html', name: 'intro', html: { default: payloads.img, 'zh-cn': payloads.svg } },
      { type: 'panel', name: 'box', elements: [{ type: 'html', name: 'inner', html: payloads.link }] },
      ...npsSurveyJson.pages[0]!.elements,
    ],
  }],
}

/** Every piece of markup a stored survey holds, as one string. */
const markupOf = (json: any): string => JSON.stringify([json.completedHtml, json.completedBeforeHtml, json.loadingHtml, json.completedHtmlOnCondition, json.pages[0].elements[0], json.pages[0].elements[1]])

const expectClean = (json: any) => {
  const markup = markupOf(json)
  for (const bad of ['onerror', 'onload', 'onclick', '<script', 'javascript:', '<svg', '<iframe', '<form', '<input', '<style', 'style=']) expect(markup).not.toContain(bad)
  expect(json.pages[0].elements[0].html).toEqual({ default: '<p>Hi <b>there</b></p><img src="x" />', 'zh-cn': '<u>kept</u>' })
  expect(json.pages[0].elements[1].elements[0].html).toBe('<a>click</a><a href="https://shop.example/help" target="_blank" rel="noopener noreferrer">help</a>')
  expect(json.completedHtml).toEqual({ default: '<p>Hi <b>there</b></p><img src="x" />', 'zh-cn': '<h3>谢谢</h3><i>ok</i>' })
  expect(json.completedBeforeHtml).toBe('<u>kept</u>')
  expect(json.loadingHtml).toBe('<p>styled</p>')
  expect(json.completedHtmlOnCondition).toEqual([{ expression: '{nps} >= 9', html: { default: '<a>click</a><a href="https://shop.example/help" target="_blank" rel="noopener noreferrer">help</a>', 'zh-cn': '<p>Hi <b>there</b></p><img src="x" />' } }])
  // Titles are drawn as text, never as markup: stored as written.
  expect(json.title).toEqual(withPayloads.title)
}

describe.each(dialects)('survey markup on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('cleans the markup of a survey an admin creates from JSON, and of its published version', async () => {
    const admin = host.as('admin')
    const created = await admin.post(`${base}/surveys`, { name: 'Payloads', json: withPayloads, scores: { nps: 'nps' } })
    expect(created.status).toBe(201)
    const survey = await host.json(created)
    expectClean(survey.json)
    expectClean((await host.json(await host.http.get(`${base}/surveys/${survey.id}`))).json)
    const version = await host.json(await admin.post(`${base}/surveys/${survey.id}/versions`))
    expectClean(version.json)
    expectClean((await host.json(await host.http.get(`${base}/surveys/${survey.id}/versions/1`))).json)
    expect((await host.json(await host.http.get(`${base}/surveys/${survey.id}`))).draftChanged).toBe(false)
  })

  it('cleans the markup of an edited draft', async () => {
    const survey = await host.json(await host.http.post(`${base}/surveys`, { name: 'Plain', json: npsSurveyJson, scores: { nps: 'nps' } }))
    const edited = await host.as('admin').put(`${base}/surveys/${survey.id}`, { json: withPayloads })
    expect(edited.status).toBe(200)
    expectClean((await host.json(edited)).json)
    expectClean((await host.json(await host.http.get(`${base}/surveys/${survey.id}`))).json)
  })

  it('keeps harmless markup exactly and leaves surveys without markup unchanged', async () => {
    const harmless = '<h2>Welcome</h2><p>Tell us about <strong>your visit</strong> on {date}.</p><ul><li>one</li></ul><img src="https://shop.example/a.png" alt="shop" />'
    const json = { pages: [{ name: 'p1', elements: [{ type: 'html', name: 'intro', html: harmless }, ...npsSurveyJson.pages[0]!.elements] }] }
    const survey = await host.json(await host.http.post(`${base}/surveys`, { name: 'Harmless', json, scores: { nps: 'nps' } }))
    expect(survey.json).toEqual(json)
    const fromTemplate = await host.json(await host.http.post(`${base}/surveys`, { name: 'Template', templateId: 'nps' }))
    const template = (await host.json(await host.http.get(`${base}/templates`))).items.find((t: any) => t.id === 'nps')
    expect(fromTemplate.json).toEqual(template.json)
  })

  it('refuses markup properties that are not text with 400 naming the path', async () => {
    const res = await host.http.post(`${base}/surveys`, {
      name: 'Bad', scores: { nps: 'nps' },
      json: { ...npsSurveyJson, loadingHtml: { default: { nested: '<img src=x onerror=alert(1)>' } }, completedHtmlOnCondition: [{ expression: '{nps} > 1', html: 7 }] },
    })
    expect(res.status).toBe(400)
    const { error } = await host.json(res)
    expect(error.code).toBe('SURVEY_DEFINITION_INVALID')
    expect(error.details.issues.map((i: any) => i.path)).toEqual(['loadingHtml', 'completedHtmlOnCondition[0].html'])
  })
})
