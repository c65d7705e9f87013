import { describe, expect, it } from 'vitest'
import { safeNext } from '../../../server/auth/safe-next.ts'
import { safeLocalPath } from '../../../server/http/safe-path.ts'

const ORIGIN = 'http://sprachrohr.test'

/** What a browser would do with the value as a Location header on our origin. */
function staysHome(location: string): boolean {
  return (
    location.startsWith('/') &&
    !location.startsWith('//') &&
    !location.startsWith('/\\') &&
    !/[\u0000-\u001f\u007f\\]/.test(location) &&
    new URL(location, ORIGIN).origin === ORIGIN
  )
}

const HOSTILE = [
  '/.//evil.example/x',
  '/..//evil.example',
  '/./..//evil.example',
  '/a/../..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/.\\\\evil.example',
  '/..\\evil.example',
  '/\tevil',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/x\r\nSet-Cookie: a=b',
  '/x\u0000y',
  '/x\u007f',
  '/x\u0085',
  ' /evil',
  'https://evil.example/',
  'http:/evil.example',
  'javascript:alert(1)',
  'data:text/html,hi',
  'evil.example',
  '',
]

describe('safe local redirect targets', () => {
  it('keeps plain local paths with query and fragment', () => {
    expect(safeLocalPath('/positions/abc?tab=versions#v2')).toBe('/positions/abc?tab=versions#v2')
    expect(safeLocalPath('/p/wohnen-fuer-alle')).toBe('/p/wohnen-fuer-alle')
    expect(safeLocalPath('/login')).toBe('/login')
  })

  it('keeps encoded slashes encoded: they stay one path segment on this site', () => {
    expect(safeLocalPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
    expect(safeLocalPath('/%5Cevil.example')).toBe('/%5Cevil.example')
    expect(safeLocalPath('/.%2F/evil.example')).toBe('/.%2F/evil.example')
  })

  it('returns the normalized path it checked, not the raw value', () => {
    expect(safeLocalPath('/a/./b/../c')).toBe('/a/c')
  })

  it.each(HOSTILE)('turns %j into the fallback', (value) => {
    expect(safeLocalPath(value)).toBe('/')
    expect(safeLocalPath(value, '/me')).toBe('/me')
  })

  it.each([...HOSTILE, '/%2F%2Fevil.example', '/a/../b', '/ä?ü=1#ß'])('never leaves the site for %j', (value) => {
    expect(staysHome(safeLocalPath(value))).toBe(true)
    expect(staysHome(safeNext(value))).toBe(true)
  })

  it('does not send a person back to the login or logout page after login', () => {
    expect(safeNext('/login?next=/me')).toBe('/')
    expect(safeNext('/logout')).toBe('/')
    expect(safeNext('/./login')).toBe('/')
    expect(safeNext('/me?x=1')).toBe('/me?x=1')
  })
})
