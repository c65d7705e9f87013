import { Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env.ts'
import { readQuery } from '../http/validate.ts'
import { conditional } from './conditional.ts'
import { presentPublicDetail, presentPublicSummary } from './present-publication.ts'
import { publicationsState } from './publication.repo.ts'
import { PublicListQuery, readPublicList, readPublication } from './read-public.ts'

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
    const deps = c.var.deps
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
    const deps = c.var.deps
    const { row, signatories } = readPublication(deps, c.req.param('slug'))
    const unchanged = conditional(c, { basis: ['api-one', row.slug, row.updated_at], lastModified: row.updated_at, scope: 'public' })
    if (unchanged) return unchanged
    return c.json(presentPublicDetail(row, signatories, deps.config.publicUrl))
  })
