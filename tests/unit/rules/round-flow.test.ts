import { describe, expect, it } from 'vitest'
import { isShortNotice, SHORT_NOTICE_MS } from '../../../shared/rules/short-notice.ts'
import { answersShown, visibilityOf } from '../../../shared/rules/visibility.ts'

describe('round visibility', () => {
  it('keeps the boolean `secret` meaning what it meant', () => {
    expect(visibilityOf({ secret: true })).toBe('secret')
    expect(visibilityOf({ secret: false })).toBe('open')
    expect(visibilityOf({})).toBe('open')
    expect(visibilityOf({ visibility: 'until_close', secret: false })).toBe('until_close')
  })

  it.each([
    ['open', false, true],
    ['open', true, true],
    ['until_close', false, false], // hidden while the round runs …
    ['until_close', true, true], // … and shown with names once it has closed
    ['secret', false, false],
    ['secret', true, false],
  ] as const)('%s round, closed %s: answers shown %s', (visibility, closed, shown) => {
    expect(answersShown(visibility, closed)).toBe(shown)
  })

  it('never shows the hidden answers of a round cancelled before its end (no result ever came)', () => {
    expect(answersShown('until_close', true, true)).toBe(false)
    expect(answersShown('open', true, true)).toBe(true)
    expect(answersShown('secret', true, true)).toBe(false)
  })
})

describe('short notice', () => {
  const now = 1_000_000
  it('is a deadline under 24 hours away', () => {
    expect(isShortNotice(now, now + 2 * 60_000)).toBe(true)
    expect(isShortNotice(now, now + SHORT_NOTICE_MS - 1)).toBe(true)
    expect(isShortNotice(now, now + SHORT_NOTICE_MS)).toBe(false)
    expect(isShortNotice(now, now + 7 * SHORT_NOTICE_MS)).toBe(false)
  })
})
