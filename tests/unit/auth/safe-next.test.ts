import { describe, expect, it } from 'vitest'
import { ipKey } from '../../../server/auth/client-ip.ts'
import { safeNext } from '../../../server/auth/safe-next.ts'

describe('where to go after login', () => {
  it('keeps local paths with their query', () => {
    expect(safeNext('/positions/abc?tab=versions')).toBe('/positions/abc?tab=versions')
    expect(safeNext('/me')).toBe('/me')
  })

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '/%0d%0aSet-Cookie:x',
    '/\tevil',
    'evil',
    '',
    undefined,
  ])('refuses %j and goes to the start page', (next) => {
    const result = safeNext(next)
    expect(result.startsWith('/')).toBe(true)
    expect(result.startsWith('//')).toBe(false)
    expect(new URL(result, 'http://sprachrohr.test').origin).toBe('http://sprachrohr.test')
  })

  it('does not send a person back to the login page', () => {
    expect(safeNext('/login?next=/me')).toBe('/')
  })
})

describe('client address key', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(ipKey('203.0.113.7')).toBe('203.0.113.7')
    expect(ipKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('groups IPv6 addresses by their /64 network', () => {
    expect(ipKey('2001:db8:1:2:aaaa::1')).toBe(ipKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'))
    expect(ipKey('2001:db8:1:2::1')).not.toBe(ipKey('2001:db8:1:3::1'))
  })
})
