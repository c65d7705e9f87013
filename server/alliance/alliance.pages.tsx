import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import type { FormProblem, FormValues } from '../../web/views/form/form-view.ts'
import { AboutPage } from '../../web/views/alliance/about-page.tsx'
import { AllianceAdminPage } from '../../web/views/alliance/alliance-admin-page.tsx'
import { LegalPage } from '../../web/views/alliance/legal-page.tsx'
import { requireCan } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readEntered, submitForm, type RefusalOptions } from '../http/refused-form.ts'
import { pageContext, render } from '../http/render.tsx'
import { parseWith } from '../http/validate.ts'
import { listInitiatives } from '../initiatives/initiative.repo.ts'
import { maxVotes } from '../proxies/proxy.repo.ts'
import { setMaxVotes } from '../proxies/proxy-settings.ts'
import { getLogo, listedInitiatives, publicGroups } from './alliance.repo.ts'
import { logoProblem, readLogoFile } from './alliance.routes.ts'
import { setListedInitiatives } from './initiative-listing.ts'
import { readAlliance, type Alliance } from './read-alliance.ts'
import { AllianceInput, updateAlliance } from './update-alliance.ts'
import { LOGO_MAX_BYTES, uploadLogo } from './upload-logo.ts'

const ADMIN = { type: 'alliance.manage' } as const
type Status = Parameters<typeof render>[2]

function storedValues(a: Alliance): FormValues {
  return {
    name: a.name,
    description: a.description,
    website: a.website,
    contactEmail: a.contactEmail,
    pressContact: a.pressContact,
    imprintUrl: a.imprintHref?.startsWith('http') ? a.imprintHref : '',
    imprintText: a.imprintText,
    privacyUrl: a.privacyHref?.startsWith('http') ? a.privacyHref : '',
    privacyText: a.privacyText,
  }
}

// Zod's wording means nothing to a volunteer: say what a valid value looks like.
const PROFILE_FORM: RefusalOptions = {
  messages: {
    name: 'alliance.error.name',
    contactEmail: 'alliance.error.email',
    website: 'alliance.error.url',
    imprintUrl: 'alliance.error.url',
    privacyUrl: 'alliance.error.url',
  },
}

interface AdminState {
  values?: FormValues
  problem?: FormProblem
  logoProblem?: string
  saved?: string
  proxyValues?: FormValues
  proxyProblem?: FormProblem
}

function adminPage(c: Context<AppEnv>, state: AdminState = {}, status: Status = 200) {
  const { db, config } = c.get('deps')
  const alliance = readAlliance(db, config.publicUrl)
  const listed = new Set(listedInitiatives(db).map((i) => i.id))
  const initiatives = listInitiatives(db)
    .filter((i) => i.active === 1)
    .map((i) => ({ id: i.id, name: i.name, listed: listed.has(i.id) }))
  return render(
    c,
    <AllianceAdminPage
      ctx={pageContext(c)}
      values={state.values ?? storedValues(alliance)}
      problem={state.problem}
      logo={alliance.logo}
      logoProblem={state.logoProblem}
      maxLogoKb={LOGO_MAX_BYTES / 1024}
      initiatives={initiatives}
      saved={state.saved}
      proxySettings={{ values: state.proxyValues ?? { maxVotes: String(maxVotes(db)) }, problem: state.proxyProblem }}
    />,
    status,
  )
}

const SAVED = { profile: 'alliance.admin.saved', logo: 'alliance.logo.saved', listing: 'alliance.listing.saved', proxies: 'proxies.settings.saved' } as const
const SavedQuery = z.object({ saved: z.enum(['profile', 'logo', 'listing', 'proxies']).optional() })

// A form posts strings: a whole number from 1 to 100, as PUT /api/alliance/proxy-settings takes it.
const ProxySettingsForm = z.object({ maxVotes: z.string().trim().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(1).max(100)) })
const PROXY_FORM: RefusalOptions = { messages: { maxVotes: 'proxies.settings.error' } }

/** /admin/alliance: the profile form, the logo upload, the public naming of initiatives and the maximum of votes per person. */
export const allianceAdminPages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireCan(c, ADMIN)
    const saved = SavedQuery.safeParse(c.req.query()).data?.saved
    return adminPage(c, saved ? { saved: c.get('t')(SAVED[saved]) } : {})
  })
  .post('/', async (c) => {
    const { actor } = requireCan(c, ADMIN)
    const values = await readEntered(c)
    const result = await submitForm(c, () => updateAlliance(c.get('deps'), actor, parseWith(c, AllianceInput, values)), PROFILE_FORM)
    if (!result.ok) return adminPage(c, { values, problem: result.problem }, result.status)
    return c.redirect('/admin/alliance?saved=profile', 303)
  })
  .post('/logo', async (c) => {
    const { actor } = requireCan(c, ADMIN)
    const result = await submitForm(c, async () => uploadLogo(c.get('deps'), actor, await readLogoFile(c)))
    if (!result.ok) return adminPage(c, { logoProblem: (logoProblem(c, result.error) as Error).message }, result.status)
    return c.redirect('/admin/alliance?saved=logo', 303)
  })
  .post('/listing', async (c) => {
    const { actor } = requireCan(c, ADMIN)
    const values = await readEntered(c)
    const listed = values.listed === undefined ? [] : Array.isArray(values.listed) ? values.listed : [values.listed]
    setListedInitiatives(c.get('deps'), actor, listed)
    return c.redirect('/admin/alliance?saved=listing', 303)
  })
  .post('/proxies', async (c) => {
    const { actor } = requireCan(c, ADMIN)
    const values = await readEntered(c)
    const result = await submitForm(c, () => setMaxVotes(c.get('deps'), actor, parseWith(c, ProxySettingsForm, { maxVotes: values.maxVotes }).maxVotes), PROXY_FORM)
    if (!result.ok) return adminPage(c, { proxyValues: values, proxyProblem: result.problem }, result.status)
    return c.redirect('/admin/alliance?saved=proxies', 303)
  })

/** The public pages of the profile: the logo, Impressum, Datenschutzerklärung, "Über uns". */
export const alliancePublicPages = new Hono<AppEnv>()
  .get('/alliance/logo', (c) => {
    const logo = getLogo(c.get('deps').db) ?? fail('not_found')
    c.header('Content-Type', logo.logo_type ?? 'application/octet-stream')
    // The URL carries the version (?v=updated_at): a new logo gets a new URL.
    c.header('Cache-Control', 'public, max-age=86400')
    c.header('X-Content-Type-Options', 'nosniff')
    return c.body(new Uint8Array(logo.logo!))
  })
  .get('/impressum', (c) => legal(c, 'imprint'))
  .get('/datenschutz', (c) => legal(c, 'privacy'))
  .get('/ueber-uns', (c) => {
    const { db, config } = c.get('deps')
    const alliance = readAlliance(db, config.publicUrl)
    return render(
      c,
      <AboutPage ctx={pageContext(c)} publisher={alliance} initiatives={listedInitiatives(db)} groups={publicGroups(db)} url={`${config.publicUrl}/ueber-uns`} />,
    )
  })

function legal(c: Context<AppEnv>, which: 'imprint' | 'privacy') {
  const { db, config } = c.get('deps')
  const alliance = readAlliance(db, config.publicUrl)
  const text = which === 'imprint' ? alliance.imprintText : alliance.privacyText
  const href = which === 'imprint' ? alliance.imprintHref : alliance.privacyHref
  // An outside address wins: send the visitor there instead of showing an outdated copy.
  if (href && href.startsWith('http')) return c.redirect(href, 302)
  if (!text) fail('not_found')
  const path = which === 'imprint' ? '/impressum' : '/datenschutz'
  return render(c, <LegalPage ctx={pageContext(c)} publisher={alliance} title={c.get('t')(which === 'imprint' ? 'alliance.imprint' : 'alliance.privacy')} text={text} url={`${config.publicUrl}${path}`} />)
}
