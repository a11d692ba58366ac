/**
 * @module
 * Runs axe-core in a page and returns the violations that matter here: impact serious or critical.
 */
import axe from 'axe-core'
import type { Page } from 'playwright-core'

/** One serious or critical violation: the rule and the elements that break it. */
export type AxeFinding = { page: string; rule: string; impact: string; help: string; targets: string[] }

/**
 * Injects axe (once per document) and runs it on the whole page. axe is evaluated through the
 * DevTools protocol, which the page's Content-Security-Policy does not govern (an inline <script>
 * tag would be refused on /admin and the customer pages).
 */
export async function seriousViolations(page: Page, label: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source)
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: label, ...v }))
}

/** One line per finding, for a failure message: `page  rule (impact): target, target`. */
export const describeFindings = (findings: readonly AxeFinding[]): string =>
  findings.map((f) => `${f.page}  ${f.rule} (${f.impact}) ${f.help}: ${f.targets.join(' | ')}`).join('\n')
