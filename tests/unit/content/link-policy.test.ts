import { describe, expect, it } from 'vitest'
import { isAllowedHref, normalizeTypedHref } from '../../../shared/editor/link-policy.ts'

describe('link policy', () => {
  it.each(['https://example.org', 'http://example.org/a?b#c', 'mailto:ag@example.org', 'HTTPS://EXAMPLE.ORG'])('allows %s', (href) => {
    expect(isAllowedHref(href)).toBe(true)
  })

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', '/local', 'https://', 'mailto:', '', ' https://example.org'])(
    'refuses %j',
    (href) => {
      expect(isAllowedHref(href)).toBe(false)
    },
  )

  it('completes what people type into the link field', () => {
    expect(normalizeTypedHref('example.org/wohnen')).toBe('https://example.org/wohnen')
    expect(normalizeTypedHref('  https://example.org ')).toBe('https://example.org')
    expect(normalizeTypedHref('ag@example.org')).toBe('mailto:ag@example.org')
    expect(normalizeTypedHref('javascript:alert(1)')).toBeNull()
    expect(normalizeTypedHref('')).toBeNull()
  })
})
