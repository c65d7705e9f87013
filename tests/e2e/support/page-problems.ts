import type { BrowserContext, Page } from 'playwright-core'

const problems = new WeakMap<Page, string[]>()

/**
 * Records what a person would never see but that means a page is broken: uncaught script
 * errors and anything the Content-Security-Policy refused (an inline script or style that
 * slipped into a view, a request to another origin).
 */
export function trackProblems(context: BrowserContext): void {
  context.on('page', (page) => {
    const list: string[] = []
    problems.set(page, list)
    page.on('pageerror', (error) => list.push(`script error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
        list.push(`CSP: ${message.text()}`)
      }
    })
  })
}

/** Problems recorded on this page so far (empty for a healthy page). */
export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? []
}
