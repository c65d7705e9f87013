import { Hono } from 'hono'
import { fail } from '../../shared/errors.ts'
import { resultSentence } from '../../shared/publishing/result-sentence.ts'
import { translationLanguage, languageNameIn } from '../../shared/translations/languages.ts'
import { PublicTranslationPage } from '../../web/views/translations/public-translation-page.tsx'
import { readAlliance } from '../alliance/read-alliance.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext } from '../http/render.tsx'
import { conditional } from '../publishing/conditional.ts'
import { excerpt, plainText } from '../publishing/plain-text.ts'
import { publicUrlOf, storedResult } from '../publishing/present-publication.ts'
import { presentPublicTranslation, presentTranslationLink } from './present-translation.ts'
import { readPublicTranslation } from './read-public-translation.ts'
import { translationPdf } from './translation-pdf.ts'

const VARY = ['Cookie', 'Accept-Language']

/** /p/:slug/:language(.pdf) and its JSON: a published translation, no login. */
export const translationPublicPages = new Hono<AppEnv>().get('/p/:slug{[a-z0-9-]+}/:file{[a-z]{2,3}(?:\\.pdf)?}', async (c) => {
  const deps = c.get('deps')
  const file = c.req.param('file')
  const isPdf = file.endsWith('.pdf')
  const language = isPdf ? file.slice(0, -'.pdf'.length) : file
  if (!translationLanguage(language)) fail('not_found')
  // Every change of a translation touches its publication, so the publication's stamp is the basis.
  const stamp = deps.caches.publicationStamps.get(c.req.param('slug')) ?? fail('not_found')
  const alliance = readAlliance(deps.db, deps.config.publicUrl)
  const locale = c.get('locale')
  const basis = [isPdf ? 'tr-pdf' : 'tr', stamp.slug, stamp.updated_at, language, locale, alliance.updatedAt, isPdf ? '' : c.get('current')?.person.id ?? '']
  const unchanged = conditional(c, { basis, lastModified: stamp.updated_at, scope: isPdf || !c.get('current') ? 'public' : 'private', vary: VARY })
  if (unchanged) return unchanged
  const { publication, translation, all } = readPublicTranslation(deps, stamp.slug, language)
  const t = c.get('t')
  if (isPdf) {
    const pdf = await translationPdf(deps, deps.caches.etags.of(basis), { publication, translation, alliance, publicUrl: deps.config.publicUrl, t, locale })
    c.header('Content-Type', 'application/pdf')
    c.header('Content-Disposition', `inline; filename="${publication.slug}-${language}.pdf"`)
    return c.body(pdf as Uint8Array<ArrayBuffer>)
  }
  const link = presentTranslationLink(translation, publication.slug, deps.config.publicUrl)
  const lang = translationLanguage(language)!
  return c.html(
    '<!doctype html>' +
      String(
        <PublicTranslationPage
          ctx={pageContext(c)}
          publisher={alliance}
          translations={all.map((tr) => presentTranslationLink(tr, publication.slug, deps.config.publicUrl))}
          translation={{
            language,
            languageName: languageNameIn(lang, locale),
            dir: lang.dir,
            title: translation.title,
            summary: translation.summary,
            excerpt: excerpt(plainText(JSON.parse(translation.content)), 200),
            html: translation.html,
            url: link.url,
            pdfUrl: link.pdfUrl,
            jsonUrl: link.jsonUrl,
            publishedAt: translation.published_at ?? translation.updated_at,
            updatedAt: translation.updated_at,
            versionNumber: translation.version_number,
            versionHash: translation.version_hash,
            original: {
              title: publication.title,
              url: publicUrlOf(deps.config.publicUrl, publication.slug),
              slug: publication.slug,
              groupName: publication.group_name,
              resultText: resultSentence(storedResult(publication), c.get('t')),
              withdrawn: publication.withdrawn_at !== null,
            },
          }}
        />,
      ),
  )
})

/** GET /api/public/positions/:slug/translations/:language. */
export const translationPublicApi = new Hono<AppEnv>().get('/positions/:slug/translations/:language', (c) => {
  const deps = c.get('deps')
  const stamp = deps.caches.publicationStamps.get(c.req.param('slug')) ?? fail('not_found')
  c.header('Access-Control-Allow-Origin', '*')
  const alliance = readAlliance(deps.db, deps.config.publicUrl)
  const unchanged = conditional(c, { basis: ['api-tr', stamp.slug, stamp.updated_at, c.req.param('language'), alliance.updatedAt], lastModified: stamp.updated_at, scope: 'public' })
  if (unchanged) return unchanged
  const { publication, translation } = readPublicTranslation(deps, stamp.slug, c.req.param('language'))
  const name = alliance.name || c.get('t')('app.name')
  return c.json({
    ...presentPublicTranslation(translation, publication, deps.config.publicUrl),
    publisher: { name, website: alliance.website || null, contact: alliance.contactEmail || null },
  })
})
