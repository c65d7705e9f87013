import { Hono } from 'hono'
import { ErrorPage } from '../web/views/error-page.tsx'
import { AppError } from '../shared/errors.ts'
import { translator } from '../shared/i18n/index.ts'
import { loadSession } from './auth/load-session.ts'
import type { Deps } from './deps.ts'
import type { AppEnv } from './http/app-env.ts'
import { setRetryAfter, toErrorBody } from './http/error-handler.ts'
import { pageContext } from './http/render.tsx'
import { sameOrigin } from './http/same-origin.ts'
import { securityHeaders } from './http/security-headers.ts'
import { staticAssets } from './http/static-assets.ts'
import { localeRoutes } from './people/locale.routes.ts'
import { authPages } from './auth/auth.pages.tsx'
import { sessionRoutes } from './auth/session.routes.ts'
import { mePages } from './people/me.pages.tsx'
import { versionsRoutes } from './versions/versions.routes.ts'
import { roundsRoutes } from './rounds/rounds.routes.ts'
import { roundsPages } from './rounds/rounds.pages.tsx'
import { versionsPages } from './versions/versions.pages.tsx'
import { initiativesRoutes } from './initiatives/initiatives.routes.ts'
import { peopleRoutes } from './people/people.routes.ts'
import { groupsRoutes } from './groups/groups.routes.ts'
import { adminPages } from './admin/admin.pages.tsx'
import { positionsRoutes } from './positions/positions.routes.ts'
import { positionsPages } from './positions/positions.pages.tsx'
import { groupPages } from './groups/group.pages.tsx'
import { homePages } from './home/home.pages.tsx'
import { publicApiRoutes } from './publishing/public-api.routes.ts'
import { publicPages } from './publishing/public.pages.tsx'
import { publishingPages } from './publishing/publishing.pages.tsx'
import { publishingRoutes } from './publishing/publishing.routes.ts'
import { notificationsPages } from './notifications/notifications.pages.tsx'
import { notificationsRoutes } from './notifications/notifications.routes.ts'
import { commentsRoutes } from './comments/comments.routes.ts'
import { allianceAdminPages, alliancePublicPages } from './alliance/alliance.pages.tsx'
import { allianceRoutes, initiativeListingRoutes, publicAllianceRoutes } from './alliance/alliance.routes.ts'
import { exportsPages } from './exports/exports.pages.ts'
import { exportsRoutes } from './exports/exports.routes.ts'
import { proxiesPages } from './proxies/proxies.pages.tsx'
import { proxiesRoutes } from './proxies/proxies.routes.ts'
import { importsRoutes } from './imports/imports.routes.ts'
import { importsPages } from './imports/imports.pages.tsx'
import { translationsRoutes } from './translations/translations.routes.ts'
import { translationPublicApi, translationPublicPages } from './translations/translation-public.pages.tsx'
import { translationPages } from './translations/translations.pages.tsx'
import { historyPages } from './audit/history.pages.tsx'
import { auditPages } from './audit/audit.pages.tsx'
import { archivePages } from './exports/archive.pages.ts'
import { amendmentsRoutes } from './amendments/amendments.routes.ts'
import { amendmentRoundsRoutes } from './amendments/amendment-rounds.routes.ts'
import { amendmentsPages } from './amendments/amendments.pages.tsx'
import { amendmentRoundPages } from './amendments/amendment-round.pages.tsx'

/** Builds the whole HTTP application around its dependencies; no global state. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  // Middlewares that have nothing to do after the handler return next() instead of awaiting it:
  // one promise less each on every request.
  app.use('*', (c, next) => {
    c.set('deps', deps)
    c.set('locale', 'de')
    c.set('t', translator('de'))
    return next()
  })
  app.use('*', securityHeaders)
  app.use('*', loadSession)
  app.use('*', sameOrigin)

  app.route('/assets', staticAssets)
  app.route('/', localeRoutes)
  // Feature routes are mounted below, one line each.
  app.route('/api', sessionRoutes)
  app.route('/', authPages)
  app.route('/', mePages)
  // Before the rounds: amendment rounds share their URLs (/api/positions/:id/rounds, /api/rounds/:id/…).
  app.route('/api', amendmentsRoutes)
  app.route('/api', amendmentRoundsRoutes)
  app.route('/api', versionsRoutes)
  app.route('/api', roundsRoutes)
  app.route('/', amendmentRoundPages)
  app.route('/', roundsPages)
  app.route('/', versionsPages)
  app.route('/api/initiatives', initiativesRoutes)
  app.route('/api/people', peopleRoutes)
  app.route('/api/groups', groupsRoutes)
  app.route('/admin', adminPages)
  app.route('/api/positions', importsRoutes)
  app.route('/api/positions', positionsRoutes)
  app.route('/', homePages)
  app.route('/', groupPages)
  app.route('/', positionsPages)
  app.route('/api/positions', publishingRoutes)
  app.route('/api/public', publicApiRoutes)
  app.route('/', publicPages)
  app.route('/', publishingPages)
  app.route('/api', notificationsRoutes)
  app.route('/', notificationsPages)
  app.route('/api', commentsRoutes)
  app.route('/api/alliance', allianceRoutes)
  app.route('/api', initiativeListingRoutes)
  app.route('/api/public', publicAllianceRoutes)
  app.route('/admin/alliance', allianceAdminPages)
  app.route('/', alliancePublicPages)
  app.route('/', exportsPages)
  app.route('/api', exportsRoutes)
  app.route('/', importsPages)
  app.route('/api', translationsRoutes)
  app.route('/api/public', translationPublicApi)
  app.route('/', translationPublicPages)
  app.route('/', translationPages)
  app.route('/', historyPages)
  app.route('/', auditPages)
  app.route('/', archivePages)
  app.route('/api', proxiesRoutes)
  app.route('/', proxiesPages)
  app.route('/', amendmentsPages)

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found', message: c.get('t')('error.not_found') } }, 404)
    return c.html('<!doctype html>' + String(<ErrorPage ctx={pageContext(c)} status={404} message={c.get('t')('error.not_found')} />), 404)
  })

  app.onError((error, c) => {
    const { status, body } = toErrorBody(c, error)
    setRetryAfter(c, error)
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/sync/')) return c.json(body, status as 400)
    if (error instanceof AppError && error.code === 'unauthenticated' && c.req.method === 'GET') {
      return c.redirect(`/login?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303)
    }
    return c.html(
      '<!doctype html>' + String(<ErrorPage ctx={pageContext(c)} status={status} message={body.error.message} />),
      status as 400,
    )
  })

  return app
}
