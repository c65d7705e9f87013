import type { Translate } from '../../shared/i18n/index.ts'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { PublicationRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { resultBar } from '../../shared/publishing/result-bar.ts'
import { formatLongDate, resultSentence } from '../../shared/publishing/result-sentence.ts'
import { PublicListPage } from '../../web/views/public/public-list-page.tsx'
import { adoptedAmendments } from '../amendments/version-amendments.ts'
import { PublicPositionPage, type PublicPositionView } from '../../web/views/public/public-position-page.tsx'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext } from '../http/render.tsx'
import { readQuery } from '../http/validate.ts'
import { delegateInitiatives } from './adoption.repo.ts'
import { toListItem } from './panel-data.ts'
import { atomFeed } from './atom-feed.ts'
import { conditional } from './conditional.ts'
import { excerpt, plainText } from './plain-text.ts'
import { publicUrlOf, storedResult } from './present-publication.ts'
import { publicationsState, publishedGroups, recentlyChangedPublications, type PublicationStamp } from './publication.repo.ts'
import { PublicListQuery, readPublicList, readPublication } from './read-public.ts'
import { renderPdf } from './render-pdf.ts'
import { cacheKey } from './response-cache.ts'
import { signedInitiatives, type Signatory } from './signature.repo.ts'
import { readAlliance, type Alliance } from '../alliance/read-alliance.ts'
import { publishedTranslationsOf, recentPublishedTranslations } from '../translations/translation.repo.ts'
import { presentTranslationLink } from '../translations/present-translation.ts'
import { feedTranslations } from '../translations/feed-translations.ts'
import { listInLanguage } from '../translations/list-in-language.ts'
import { pdfFooter, pdfLetterhead } from '../alliance/pdf-letterhead.ts'
import { feedPublisher } from '../alliance/feed-publisher.ts'

/** What a page shows besides the publication: language and who looks at it (the header names them). */
function viewerBasis(c: Context<AppEnv>): Array<string | number> {
  const person = c.get('current')?.person
  return [c.get('locale'), person?.id ?? '', person?.updated_at ?? 0]
}

/** The alliance's profile shows on every public output, so its last change is part of every basis. */
function allianceOf(c: Context<AppEnv>): Alliance {
  const deps = c.get('deps')
  return readAlliance(deps.db, deps.config.publicUrl)
}

function scopeOf(c: Context<AppEnv>): 'public' | 'private' {
  return c.get('current') ? 'private' : 'public'
}

const VARY = ['Cookie', 'Accept-Language']

function documentOf(page: JSX.Element): string {
  return '<!doctype html>' + String(page)
}

/**
 * A visitor without a session gets the same page as every other visitor in their language, so
 * the finished document is kept, twice: by its ETag basis plus the URL (the language switch links
 * back to it, query included), which outlives writes elsewhere in the database; and as the whole
 * response for the visitor fast path (server/http/visitor-fast-path.ts) under the write mark
 * `mark`, read before anything the page shows. `stillCurrent` guards against another process
 * changing the publication between reading the basis and reading the data the page was built from.
 */
function cachedForVisitor(c: Context<AppEnv>, mark: string, basis: ReadonlyArray<string | number | null>, build: () => string, stillCurrent: () => boolean) {
  const deps = c.get('deps')
  const key = cacheKey(basis, c.req.url)
  let body = deps.caches.publicResponses.get(key)
  if (body === undefined) {
    body = build()
    if (!stillCurrent()) return c.html(body)
    deps.caches.publicResponses.set(key, body)
  }
  const response = c.html(body)
  keepForFastPath(c, mark, response, body)
  return response
}

function keepForFastPath(c: Context<AppEnv>, mark: string, response: Response, body: string): void {
  if (response.status !== 200 || response.headers.has('set-cookie')) return
  const etag = response.headers.get('etag')
  if (etag === null) return
  const bytes = Buffer.from(body)
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => (headers[name] = value))
  headers['content-length'] = String(bytes.length)
  const url = c.req.url
  const path = url.slice(url.indexOf('/', url.indexOf('://') + 3))
  c.get('deps').caches.visitorPages.set(c.get('locale'), path, { mark, headers, etag, body: bytes })
}

function sameStamp(a: PublicationStamp | undefined, b: PublicationStamp): boolean {
  return a !== undefined && a.updated_at === b.updated_at && a.signers_changed === b.signers_changed
}

export function positionView(row: PublicationRow, signatories: Signatory[], publicUrl: string, t: Translate): PublicPositionView {
  return {
    positionId: row.position_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    excerpt: excerpt(plainText(JSON.parse(row.content)), 200),
    groupName: row.group_name,
    adoptedAt: row.adopted_at,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    versionNumber: row.version_number,
    versionHash: row.version_hash,
    html: row.html,
    resultText: resultSentence(storedResult(row), t),
    resultBar: resultBar(storedResult(row), t),
    signatories: signatories.map((s) => ({ name: s.name })),
    withdrawn: row.withdrawn_at === null ? null : { at: row.withdrawn_at, reason: row.withdraw_reason ?? '' },
    url: publicUrlOf(publicUrl, row.slug),
  }
}

// The same publication in the same language gives the same file, so recent ones are kept in
// `deps.caches.pdfs`, keyed by their ETag, which covers every change.
async function pdfFor(c: Context<AppEnv>, row: PublicationRow, signatories: Signatory[], etag: string, alliance: Alliance): Promise<Uint8Array> {
  const pdfCache = c.get('deps').caches.pdfs
  const hit = pdfCache.get(etag)
  if (hit) return hit
  const t = c.get('t')
  const locale = c.get('locale')
  const url = publicUrlOf(c.get('deps').config.publicUrl, row.slug)
  const date = (ms: number) => formatLongDate(ms, locale)
  // Laid out in the render worker: a long text takes a while, and the first PDF loads pdfkit and fonts.
  const pdf = await c.get('deps').renders.pdf({
    title: row.title,
    summary: row.summary,
    content: JSON.parse(row.content),
    header: `${alliance.name || t('app.name')} · ${t('publishing.group')}: ${row.group_name}`,
    letterhead: pdfLetterhead(alliance, t),
    resultLabel: t('publishing.result'),
    resultText: resultSentence(storedResult(row), t),
    resultBar: { title: t('publishing.bar.title'), segments: resultBar(storedResult(row), t).segments },
    withdrawn:
      row.withdrawn_at === null
        ? null
        : {
            title: t('publishing.withdrawn_title', { date: date(row.withdrawn_at) }),
            reason: t('publishing.withdrawn_reason', { reason: row.withdraw_reason ?? '' }),
          },
    signatoriesLabel: t('publishing.signatories'),
    signatories: signatories.map((s) => s.name),
    facts: [
      [t('publishing.group'), row.group_name],
      [t('publishing.adopted_at'), date(row.adopted_at)],
      [t('publishing.published_at'), date(row.published_at)],
      [t('publishing.version'), String(row.version_number)],
      [t('publishing.hash'), row.version_hash],
      ...(alliance.name ? [[t('alliance.pdf.online'), url] as [string, string]] : []),
    ],
    footer: pdfFooter(alliance, url),
    pageLabel: t('alliance.pdf.page', { n: '{n}', total: '{total}' }),
    locale,
    author: alliance.name || t('app.name'),
    createdAt: row.published_at,
  })
  pdfCache.set(etag, pdf)
  return pdf
}

function listPage(c: Context<AppEnv>, q: string, group: string, alliance: Alliance, lang: string): JSX.Element {
  const deps = c.get('deps')
  const { items, languages } = listInLanguage(deps, readPublicList(deps, { q, group }).map(toListItem), lang)
  const groups = publishedGroups(deps.db).map((g) => ({ slug: g.group_slug, name: g.group_name }))
  return <PublicListPage ctx={pageContext(c)} items={items} groups={groups} query={{ q, group, lang }} languages={languages} url={`${deps.config.publicUrl}/p`} publisher={alliance} />
}

/** /p, /p/:slug, /p/:slug.pdf and /feed.atom: no login, no JavaScript. */
export const publicPages = new Hono<AppEnv>()
  .get('/p', (c) => {
    const deps = c.get('deps')
    const mark = deps.writeMark()
    const query = readQuery(c, PublicListQuery)
    const q = (query.q ?? '').trim()
    const group = query.group ?? ''
    const lang = query.lang ?? ''
    const state = publicationsState(deps.db)
    const alliance = allianceOf(c)
    const basis = ['p', state.version, state.count, q, group, ...viewerBasis(c), alliance.updatedAt, lang]
    const unchanged = conditional(c, { basis, lastModified: state.lastChange, scope: scopeOf(c), vary: VARY })
    if (unchanged) return unchanged
    const build = () => documentOf(listPage(c, q, group, alliance, lang))
    if (!c.get('current')) return cachedForVisitor(c, mark, basis, build, () => publicationsState(deps.db).version === state.version)
    return c.html(build())
  })
  // One route for both: Hono's `:slug` would also match "x.pdf" (see the routing test).
  .get('/p/:file{[a-z0-9-]+(?:\\.pdf)?}', async (c) => {
    const deps = c.get('deps')
    const mark = deps.writeMark()
    const file = c.req.param('file')
    const isPdf = file.endsWith('.pdf')
    // The stamp alone decides 304s and cache hits: the text and HTML are read only to build a page.
    const stamp = deps.caches.publicationStamps.get(isPdf ? file.slice(0, -'.pdf'.length) : file) ?? fail('not_found')
    const alliance = allianceOf(c)
    if (isPdf) {
      const basis = ['pdf', stamp.slug, stamp.updated_at, stamp.signers_changed, c.get('locale'), alliance.updatedAt]
      const unchanged = conditional(c, { basis, lastModified: stamp.updated_at, scope: 'public', vary: VARY })
      if (unchanged) return unchanged
      const { row, signatories } = readPublication(deps, stamp.slug)
      const pdf = await pdfFor(c, row, signatories, deps.caches.etags.of(basis), alliance)
      c.header('Content-Type', 'application/pdf')
      c.header('Content-Disposition', `inline; filename="${row.slug}.pdf"`)
      return c.body(pdf as Uint8Array<ArrayBuffer>)
    }
    const current = c.get('current')
    const delegateOf = current ? delegateInitiatives(deps.db, current.person.id) : []
    const basis = ['p-one', stamp.slug, stamp.updated_at, stamp.signers_changed, ...viewerBasis(c), delegateOf.map((i) => i.id).join(','), alliance.updatedAt]
    const unchanged = conditional(c, { basis, lastModified: stamp.updated_at, scope: scopeOf(c), vary: VARY })
    if (unchanged) return unchanged
    const build = () => {
      const { row, signatories } = readPublication(deps, stamp.slug)
      const signed = signedInitiatives(deps.db, row.position_id, delegateOf.map((i) => i.id))
      const coSign = delegateOf.map((i) => ({ initiativeId: i.id, name: i.name, signed: signed.has(i.id) }))
      const position = positionView(row, signatories, deps.config.publicUrl, c.get('t'))
      const translations = publishedTranslationsOf(deps.db, row.position_id).map((tr) => presentTranslationLink(tr, row.slug, deps.config.publicUrl))
      const amendments = adoptedAmendments(deps, row.position_id, row.version_number)
      return documentOf(<PublicPositionPage ctx={pageContext(c)} position={position} coSign={coSign} publisher={alliance} translations={translations} amendments={amendments} />)
    }
    if (!current) return cachedForVisitor(c, mark, basis, build, () => sameStamp(deps.caches.publicationStamps.get(stamp.slug), stamp))
    return c.html(build())
  })
  .get('/feed.atom', (c) => {
    const deps = c.get('deps')
    const t = c.get('t')
    const locale = c.get('locale')
    const state = publicationsState(deps.db)
    const alliance = allianceOf(c)
    const basis = ['feed', state.version, state.count, locale, alliance.updatedAt]
    const unchanged = conditional(c, { basis, lastModified: state.lastChange, scope: 'public', vary: VARY })
    if (unchanged) return unchanged
    c.header('Content-Type', 'application/atom+xml; charset=utf-8')
    // The feed names nobody and looks the same for everyone in one language.
    const cache = deps.caches.publicResponses
    const key = cacheKey(basis)
    const hit = cache.get(key)
    if (hit !== undefined) return c.body(hit)
    const xml = atomFeed(recentlyChangedPublications(deps.db, 50), deps.config.publicUrl, {
      title: `${alliance.name || t('app.name')}: ${t('publishing.feed_title')}`,
      subtitle: alliance.description || t('publishing.list_intro'),
      author: feedPublisher(alliance, t('app.name')),
      withdrawnTitle: (title) => t('publishing.feed_withdrawn_title', { title }),
      withdrawnReason: (reason) => t('publishing.withdrawn_reason', { reason }),
      resultText: (row) => resultSentence(storedResult(row), t),
    }, 50, feedTranslations(recentPublishedTranslations(deps.db, 50), deps.config.publicUrl, t, locale))
    if (publicationsState(deps.db).version === state.version) cache.set(key, xml)
    return c.body(xml)
  })
