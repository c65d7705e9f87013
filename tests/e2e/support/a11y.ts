import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The WCAG 2.0 and 2.1 success criteria at levels A and AA that axe-core can check. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

interface AxeNode {
  target: unknown[]
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
  help: string
  helpUrl: string
  nodes: AxeNode[]
}

/**
 * Runs axe-core in the page and fails, listing every violation of any impact, minor included
 * (rule, impact, what to fix, which elements): a minor finding is still a barrier to someone.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate` with the source text), which
 * the page's Content-Security-Policy (script-src 'self', no inline) does not govern; a
 * `<script>` tag injected with inline content would be refused by that policy, and turning the
 * policy off for the test (`bypassCSP`) would hide CSP breakage in the app itself.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.evaluate(axeSource)
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations
  }, TAGS) as AxeViolation[]
  if (violations.length) {
    const lines = violations.map((v) => {
      const targets = v.nodes.map((n) => `    - ${n.target.map(String).join(' ')}`).join('\n')
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`
    })
    throw new Error(`Accessibility violations on "${label}" (${page.url()}):\n${lines.join('\n')}`)
  }
}
