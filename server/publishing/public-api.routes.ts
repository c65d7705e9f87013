import { Hono, type MiddlewareHandler } from 'hono'
import { fail } from '../../shared/errors.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readQuery } from '../http/validate.ts'
import { conditional } from './conditional.ts'
import { presentPublicDetail, presentPublicSummary } from './present-publication.ts'
import { publicationsState } from './publication.repo.ts'
import { PublicListQuery, readPublicList, readPublication } from './read-public.ts'
import { cacheKey } from './response-cache.ts'
import { publisherOf, readAlliance } from '../alliance/read-alliance.ts'
import { publishedTranslationsOf } from '../translations/translation.repo.ts'
import { presentTranslationLink } from '../translations/present-translation.ts'
import { publicationEventHash } from '../audit/publication-record.ts'

/**
 * Any website may read the public API from the browser. No credentials: the answers are the
 * same for everybody, so there is nothing a cross-site read could learn.
 */
const cors: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  c.res.headers.set('Access-Control-Allow-Origin', '*')
  c.res.headers.set('Access-Control-Expose-Headers', 'ETag, Last-Modified')
  c.res.headers.delete('Access-Control-Allow-Credentials')
}

/** /api/public: read-only JSON of the published positions, for the alliance's own website. */
export const publicApiRoutes = new Hono<AppEnv>()
  .use('*', cors)
  .options('*', (c) => {
    c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
    c.header('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since')
    c.header('Access-Control-Max-Age', '86400')
    return c.body(null, 204)
  })
  .get('/positions', (c) => {
    const deps = c.get('deps')
    const query = readQuery(c, PublicListQuery)
    const state = publicationsState(deps.db)
    const unchanged = conditional(c, {
      basis: ['api-list', state.version, state.count, query.q ?? '', query.group ?? ''],
      lastModified: state.lastChange,
      scope: 'public',
    })
    if (unchanged) return unchanged
    return c.json(readPublicList(deps, query).map((row) => presentPublicSummary(row, deps.config.publicUrl)))
  })
  .get('/positions/:slug', (c) => {
    const deps = c.get('deps')
    const stamp = deps.caches.publicationStamps.get(c.req.param('slug')) ?? fail('not_found')
    const alliance = readAlliance(deps.db, deps.config.publicUrl)
    const basis = ['api-one', stamp.slug, stamp.updated_at, stamp.signers_changed, alliance.updatedAt]
    const unchanged = conditional(c, { basis, lastModified: stamp.updated_at, scope: 'public' })
    if (unchanged) return unchanged
    // The answer is the same for every caller, so the finished JSON is kept under its basis.
    c.header('Content-Type', 'application/json')
    const cache = deps.caches.publicResponses
    const key = cacheKey(basis)
    const hit = cache.get(key)
    if (hit !== undefined) return c.body(hit)
    const { row, signatories } = readPublication(deps, stamp.slug)
    const json = JSON.stringify({
      ...presentPublicDetail(row, signatories, deps.config.publicUrl),
      publisher: publisherOf(alliance, c.get('t')('app.name')),
      publicationEventHash: publicationEventHash(deps, row.position_id),
      translations: publishedTranslationsOf(deps.db, row.position_id).map((tr) => presentTranslationLink(tr, row.slug, deps.config.publicUrl)),
    })
    const after = deps.caches.publicationStamps.get(stamp.slug)
    if (after?.updated_at === stamp.updated_at && after.signers_changed === stamp.signers_changed) cache.set(key, json)
    return c.body(json)
  })
