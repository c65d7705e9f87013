import type { PublicationRow } from '../../db/schema/index.ts'
import { publicUrlOf } from './present-publication.ts'

export interface FeedLabels {
  title: string
  subtitle: string
  /** Who publishes: a name, or the alliance's profile (name, website, contact, logo). */
  author: string | { name: string; uri?: string; email?: string; logo?: string }
  withdrawnTitle: (title: string) => string
  withdrawnReason: (reason: string) => string
  resultText: (row: PublicationRow) => string
}

// XML 1.0 forbids most control characters even as references; a stray one would make the whole
// feed unreadable for every subscriber.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const iso = (ms: number) => new Date(ms).toISOString()

function authorXml(author: FeedLabels['author']): string {
  if (typeof author === 'string') return `  <author><name>${xmlEscape(author)}</name></author>`
  const parts = [`<name>${xmlEscape(author.name)}</name>`]
  if (author.uri) parts.push(`<uri>${xmlEscape(author.uri)}</uri>`)
  if (author.email) parts.push(`<email>${xmlEscape(author.email)}</email>`)
  const logo = author.logo ? `\n  <logo>${xmlEscape(author.logo)}</logo>` : ''
  return `  <author>${parts.join('')}</author>${logo}`
}

/** A published translation as an entry of its own (in its language, `xml:lang`). */
export interface FeedTranslation {
  id: string
  url: string
  language: string
  title: string
  published: number
  updated: number
  summary: string
  /** Which version it translates, and that the German text counts: the first paragraph of the content. */
  notice: string
  html: string
  category: { term: string; label: string }
}

interface FeedEntry {
  lang?: string
  id: string
  title: string
  url: string
  published: number
  updated: number
  summary: string
  html: string
  category: { term: string; label: string }
}

/**
 * Atom 1.0 (RFC 4287) of publications and withdrawals. A withdrawal is an entry of its own (with
 * its own id), so feed readers show it as news instead of silently updating an old item.
 */
export function atomFeed(rows: readonly PublicationRow[], publicUrl: string, labels: FeedLabels, limit = 50, translations: readonly FeedTranslation[] = []): string {
  const entries: FeedEntry[] = []
  for (const tr of translations) entries.push({ ...tr, html: `<p>${xmlEscape(tr.notice)}</p>${tr.html}`, lang: tr.language })
  for (const row of rows) {
    const url = publicUrlOf(publicUrl, row.slug)
    const category = { term: row.group_slug, label: row.group_name }
    const result = labels.resultText(row)
    entries.push({
      id: url,
      title: row.title,
      url,
      published: row.published_at,
      updated: row.published_at,
      summary: row.summary || result,
      html: `<p>${xmlEscape(result)}</p>${row.html}`,
      category,
    })
    if (row.withdrawn_at !== null) {
      const reason = labels.withdrawnReason(row.withdraw_reason ?? '')
      entries.push({
        id: `${url}#withdrawn`,
        title: labels.withdrawnTitle(row.title),
        url,
        published: row.withdrawn_at,
        updated: row.withdrawn_at,
        summary: reason,
        html: `<p>${xmlEscape(reason)}</p>`,
        category,
      })
    }
  }
  // At the same instant a withdrawal is the later event (it can only follow its publication).
  const rank = (e: FeedEntry) => (e.id.endsWith('#withdrawn') ? 0 : 1)
  entries.sort((a, b) => b.updated - a.updated || rank(a) - rank(b) || a.id.localeCompare(b.id))
  const shown = entries.slice(0, limit)
  const updated = shown.reduce((max, e) => Math.max(max, e.updated), 0)

  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xmlEscape(labels.title)}</title>`,
    `  <subtitle>${xmlEscape(labels.subtitle)}</subtitle>`,
    `  <id>${xmlEscape(`${publicUrl}/p`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${publicUrl}/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${publicUrl}/p`)}"/>`,
    `  <updated>${iso(updated)}</updated>`,
    authorXml(labels.author),
    '  <generator>Sprachrohr</generator>',
  ]
  for (const e of shown) {
    lines.push(
      e.lang ? `  <entry xml:lang="${xmlEscape(e.lang)}">` : '  <entry>',
      `    <id>${xmlEscape(e.id)}</id>`,
      `    <title>${xmlEscape(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>`,
      `    <published>${iso(e.published)}</published>`,
      `    <updated>${iso(e.updated)}</updated>`,
      `    <category term="${xmlEscape(e.category.term)}" label="${xmlEscape(e.category.label)}"/>`,
      `    <summary>${xmlEscape(e.summary)}</summary>`,
      // The stored HTML is already sanitised; as type="html" it is escaped once more for XML.
      `    <content type="html">${xmlEscape(e.html)}</content>`,
      '  </entry>',
    )
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}
