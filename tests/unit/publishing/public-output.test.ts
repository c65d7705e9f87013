import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { PublicationRow } from '../../../db/schema/index.ts'
import { atomFeed, xmlEscape } from '../../../server/publishing/atom-feed.ts'
import { etagMatches, notModifiedSince } from '../../../server/publishing/conditional.ts'
import { pdfClean } from '../../../server/publishing/pdf-runs.ts'
import { excerpt, plainText } from '../../../server/publishing/plain-text.ts'

function row(overrides: Partial<PublicationRow> = {}): PublicationRow {
  return {
    position_id: 'p1',
    slug: 'wohnen',
    title: 'Wohnen <für> alle & „sofort“',
    summary: '',
    group_id: 'g1',
    group_name: 'AG Wohnen',
    group_slug: 'wohnen',
    version_number: 2,
    round_id: 'r1',
    version_hash: 'a'.repeat(64),
    content: '{"type":"doc","content":[]}',
    html: '<p>Text &amp; mehr</p>',
    search_text: '',
    result: '{}',
    adopted_at: Date.parse('2027-03-03T12:00:00Z'),
    published_at: Date.parse('2027-03-04T12:00:00Z'),
    published_by: null,
    withdrawn_at: null,
    withdrawn_by: null,
    withdraw_reason: null,
    updated_at: Date.parse('2027-03-04T12:00:00Z'),
    ...overrides,
  }
}

const labels = {
  title: 'Sprachrohr: Positionen',
  subtitle: 'Beschlossen',
  author: 'Sprachrohr',
  withdrawnTitle: (t: string) => `Zurückgezogen: ${t}`,
  withdrawnReason: (r: string) => `Begründung: ${r}`,
  resultText: () => 'Im Konsens beschlossen',
}

describe('the Atom feed', () => {
  it('escapes text and drops characters XML cannot carry', () => {
    expect(xmlEscape('a<b>&"c"\'\u0000\u0007\ud800x')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;x')
  })

  it('lists a withdrawal as an entry of its own, newest first', () => {
    const xml = atomFeed(
      [row({ withdrawn_at: Date.parse('2027-05-01T08:00:00Z'), withdraw_reason: 'überholt <script>' })],
      'https://example.org',
      labels,
    )
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml).feed
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.updated).toBe('2027-05-01T08:00:00.000Z')
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(['https://example.org/p/wohnen#withdrawn', 'https://example.org/p/wohnen'])
    expect(feed.entry[0].title).toBe('Zurückgezogen: Wohnen <für> alle & „sofort“')
    expect(feed.entry[0].summary).toBe('Begründung: überholt <script>')
    expect(feed.entry[1].content['#text']).toBe('<p>Im Konsens beschlossen</p><p>Text &amp; mehr</p>')
  })
})

describe('conditional requests', () => {
  it('matches ETags weakly and in lists', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true)
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true)
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true)
    expect(etagMatches('*', '"abc"')).toBe(true)
    expect(etagMatches('"abcd"', '"abc"')).toBe(false)
  })

  it('compares If-Modified-Since at whole seconds', () => {
    const changed = Date.parse('2027-03-04T12:00:00.700Z')
    expect(notModifiedSince(new Date(changed).toUTCString(), changed)).toBe(true)
    expect(notModifiedSince(new Date(changed - 1000).toUTCString(), changed)).toBe(false)
    expect(notModifiedSince('not a date', changed)).toBe(false)
  })
})

describe('text for the PDF', () => {
  it('keeps every script as it is: the embedded fonts print it', () => {
    expect(pdfClean('Größe „Straße“ – Łódź Ayşe Yılmaz Олена محمد فارسی ትግርኛ')).toBe('Größe „Straße“ – Łódź Ayşe Yılmaz Олена محمد فارسی ትግርኛ')
  })

  it('turns control characters and tabs into nothing or spaces, and keeps the Persian zero-width non-joiner', () => {
    expect(pdfClean('a\tb\u0000c\u00add\u200ce')).toBe('a bcd\u200ce')
  })
})

describe('plain text of a document', () => {
  it('joins blocks with spaces and cuts excerpts at a word', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titel' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Eins' }, { type: 'hardBreak' }, { type: 'text', text: 'zwei' }] },
      ],
    }
    expect(plainText(doc)).toBe('Titel Eins zwei')
    expect(excerpt('ein zwei drei vier', 12)).toBe('ein zwei…')
  })
})
