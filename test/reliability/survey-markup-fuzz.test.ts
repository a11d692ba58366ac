/**
 * Fuzzes the rule of issue 17, item 3: whatever markup an admin stores in a survey's html question
 * and completed page (generated from script-bearing fragments: handlers, script and style elements,
 * SVG and MathML, frames and forms, `javascript:` URLs hidden by case, entities, whitespace and
 * control characters, broken and nested tags, raw-text elements), what the server stores and
 * returns holds no script element, no event handler, no executable URL and nothing outside the
 * allowlist, and storing it again changes nothing.
 */
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const base = '/api/p/satisfaction-survey'
const RUNS = Number(process.env.RAPPORT_FUZZ_RUNS ?? 60)

const scheme = fc.constantFrom('javascript:', 'JaVaScRiPt:', 'java\tscript:', ' javascript:', 'javascript&#58;', 'javascript&colon;', '&#106;avascript:', '\u0001javascript:', 'vbscript:', 'data:text/html,', 'https:', '')
const url = fc.tuple(scheme, fc.constantFrom('alert(1)', '//evil.example/x', 'x.png', '%0aalert(1)')).map(([s, rest]) => `${s}${rest}`)
const handler = fc.tuple(fc.constantFrom('onerror', 'ONLOAD', 'onmouseover', 'onfocus', 'onclick', 'on\u0000load'), fc.constantFrom('=alert(1)', '="alert(1)"', "='alert(1)'", ' = alert(1)', '=`alert(1)`')).map(([a, v]) => ` ${a}${v}`)
const attribute = fc.oneof(handler, url.map((u) => ` href="${u}"`), url.map((u) => ` src=${u}`), fc.constantFrom(' style="background:url(javascript:alert(1))"', ' autofocus', ' class="x"', ' xlink:href="javascript:alert(1)"', ' formaction="javascript:alert(1)"'))
const tag = fc.constantFrom('img', 'a', 'p', 'b', 'svg', 'math', 'script', 'iframe', 'style', 'form', 'input', 'object', 'embed', 'textarea', 'xmp', 'noscript', 'title', 'template', 'details', 'video', 'base', 'meta', 'link', 'table', 'td', 'foreignObject', 'mtext', 'select', 'option')
const element = fc.tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.constantFrom('', 'text', 'alert(1)', '<img src=x onerror=alert(1)>', '</textarea/><img src=x onerror=alert(1)>', '<!--', '-->'), fc.boolean())
  .map(([name, attrs, inner, closed]) => `<${name}${attrs.join('')}>${inner}${closed ? `</${name}>` : ''}`)
const markup = fc.array(fc.oneof(element, fc.constantFrom('<', '>', '&', '<!--', '<![CDATA[', '<?', '</', '"', '<img/src=x/onerror=alert(1)>', '<svg><script>alert(1)</script></svg>', '<scr<script>ipt>alert(1)</script>')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))

const allowedTags = new Set(['p', 'br', 'hr', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'mark', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'a', 'img'])
const allowedAttributes = new Set(['href', 'title', 'target', 'rel', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan'])

/** Everything unsafe in stored markup, read as a browser would tokenize the tags. */
function problemsIn(html: string): string[] {
  const problems: string[] = []
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g)) {
    if (!allowedTags.has(name!.toLowerCase())) problems.push(`tag ${name}`)
    for (const [, attr, value = ''] of attrs!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      if (!allowedAttributes.has(attr!.toLowerCase())) problems.push(`attribute ${attr}`)
      const decoded = value.replace(/&#(\d+);?/g, (_, d) => String.fromCharCode(Number(d))).replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/&colon;/gi, ':')
      // Browsers ignore whitespace and control characters inside a URL's scheme.
      const bare = [...decoded].filter((c) => c.charCodeAt(0) > 0x20).join('')
      const allowed = attr!.toLowerCase() === 'src' ? /^(?:https?:|data:)/i : /^(?:https?|mailto|tel):/i
      if (/^[a-z][a-z0-9+.-]*:/i.test(bare) && !allowed.test(bare)) problems.push(`${attr} ${decoded}`)
    }
  }
  return problems
}

describe.each(dialects)('stored survey markup, fuzzed, on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  afterAll(() => host.close())

  it(`keeps no script, handler, executable URL or unlisted tag in ${RUNS} generated surveys, and is stable`, async () => {
    await fc.assert(fc.asyncProperty(markup, markup, async (intro, completed) => {
      const json = {
        completedHtml: { default: completed, 'zh-cn': intro },
        pages: [{ name: 'p1', elements: [{ type: 'html', name: 'intro', html: intro }, { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }] }],
      }
      const res = await host.as('admin').post(`${base}/surveys`, { name: 'Fuzzed', json, scores: { nps: 'nps' } })
      expect(res.status).toBe(201)
      const stored = (await host.json(res)) as { id: string; json: { completedHtml: Record<string, string>; pages: Array<{ elements: Array<{ html?: string }> }> } }
      const texts = [stored.json.pages[0]!.elements[0]!.html!, stored.json.completedHtml.default!, stored.json.completedHtml['zh-cn']!]
      for (const text of texts) expect(problemsIn(text), `${text}\nfrom ${intro} | ${completed}`).toEqual([])
      const again = await host.as('admin').put(`${base}/surveys/${stored.id}`, { json: stored.json })
      expect(((await host.json(again)) as { json: unknown }).json).toEqual(stored.json)
    }), { numRuns: RUNS })
  }, 180_000)
})
