/**
 * @module
 * What the admin walk checks on a page as it stands, run inside the page: elements that stick out
 * of the viewport (outside any scrolling or clipping box), ids visible as text (`usr_…`, `cus_…`,
 * `cmp_…`), and visible texts that are a label of the other language. Returns one line a finding.
 */
import type { Page } from 'playwright-core'

/** The findings of `page` as it is now; `foreign` are the labels of the other language. */
export const pageFindings = (page: Page, foreign: readonly string[]): Promise<string[]> =>
  page.evaluate((foreignLabels) => {
    const found: string[] = []
    const viewport = document.documentElement.clientWidth
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`
    const contained = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p)
        if (style.overflowX !== 'visible' || style.position === 'fixed') return true
      }
      return false
    }
    // Overflow: report only the outermost element that sticks out, not each of its children.
    const sticking = new Set<Element>()
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || box.right <= viewport + 1) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.position === 'fixed' || contained(el)) continue
      sticking.add(el)
    }
    for (const el of sticking) if (!el.parentElement || !sticking.has(el.parentElement)) found.push(`overflows the ${viewport}px viewport to ${Math.round(el.getBoundingClientRect().right)}px: ${describe(el)}`)

    // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visible counts, which is what innerText gives
    const ids = document.body.innerText.match(/\b(?:usr|cus|cmp)_[0-9a-z]{4,}/g)
    if (ids) found.push(`shows ids: ${[...new Set(ids)].slice(0, 3).join(', ')}`)

    const language = document.documentElement.lang
    const foreignSet = new Set(foreignLabels)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').trim()
      const parent = node.parentElement
      if (!text || !parent || !foreignSet.has(text)) continue
      // The language switch names each language in itself, marked with its own lang.
      if ((parent.closest('[lang]')?.getAttribute('lang') ?? language) !== language) continue
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue
      found.push(`shows a label of the other language: "${text}" in ${describe(parent)}`)
    }
    return found
  }, [...foreign])
