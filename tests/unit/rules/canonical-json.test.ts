import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../shared/content/canonical-json.ts'

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}')
  })

  it('gives the same text (and hash) whatever the key order', () => {
    const one = canonicalJson({ type: 'doc', content: [{ type: 'paragraph', attrs: { x: 1 } }] })
    const two = canonicalJson({ content: [{ attrs: { x: 1 }, type: 'paragraph' }], type: 'doc' })
    expect(one).toBe(two)
    expect(createHash('sha256').update(one).digest('hex')).toBe(createHash('sha256').update(two).digest('hex'))
  })

  it('keeps array order and escapes strings like JSON.stringify', () => {
    expect(canonicalJson(['b', 'a', 'ä "q"\n'])).toBe('["b","a","ä \\"q\\"\\n"]')
  })

  it('sorts by UTF-16 code units', () => {
    expect(canonicalJson({ a: 1, B: 2, ä: 3, _: 4 })).toBe('{"B":2,"_":4,"a":1,"ä":3}')
  })

  it('leaves out undefined members', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}')
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, () => 1, new Date(0), 10n])('refuses %s', (bad) => {
    expect(() => canonicalJson({ bad })).toThrow(TypeError)
  })
})
