import { describe, expect, it } from 'vitest'
import { findMentions, linkify } from '../../../shared/comments/mentions.ts'

const people = [
  { id: 'anna', name: 'Anna' },
  { id: 'anna-berg', name: 'Anna Berg' },
  { id: 'omar', name: 'Omar Haddad' },
]

describe('mentions in a comment', () => {
  it('finds a person by the name after @, the longest name winning, without case', () => {
    expect(findMentions('@Anna Berg, siehst du das so?', people)).toEqual(['anna-berg'])
    expect(findMentions('Danke @anna und @omar haddad!', people).sort()).toEqual(['anna', 'omar'])
  })

  it('does not take an e-mail address or a longer word for a mention', () => {
    expect(findMentions('Schreib an info@Anna.de', people)).toEqual([])
    expect(findMentions('@Annabel war da', people)).toEqual([])
  })
})

describe('links in a comment', () => {
  it('makes http and https addresses links, without the full stop that ends the sentence', () => {
    expect(linkify('Siehe https://example.org/a?b=1. Danke')).toEqual([
      { text: 'Siehe ' },
      { href: 'https://example.org/a?b=1', text: 'https://example.org/a?b=1' },
      { text: '. Danke' },
    ])
  })

  it('leaves other schemes as text', () => {
    expect(linkify('javascript:alert(1)')).toEqual([{ text: 'javascript:alert(1)' }])
  })
})
