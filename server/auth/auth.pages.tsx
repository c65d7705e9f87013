import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { LoginPage } from '../../web/views/login-page.tsx'
import { SetupPage } from '../../web/views/setup-page.tsx'
import { fail } from '../../shared/errors.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm } from '../http/refused-form.ts'
import { pageContext, render } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { clientIp } from './client-ip.ts'
import { endSession } from './end-session.ts'
import { logIn } from './log-in.ts'
import { safeNext } from './safe-next.ts'
import { clearSessionCookie, forgetBrowserStorage, LOGGED_OUT_PATH, writeSessionCookie } from './session-cookie.ts'
import { createSession, sessionExpiresAt } from './sessions.ts'
import { inspectSetupLink, redeemSetupLink } from './setup-links.ts'

const LoginForm = z
  .object({
    email: z.string().trim().max(320),
    password: z.string().max(1024),
    next: z.string().max(2000).optional(),
  })
  .strict()

const FirstAdminForm = z
  .object({
    name: z.string().max(200),
    email: z.string().max(320),
    password: z.string().max(1024),
    password2: z.string().max(1024),
  })
  .strict()

const InviteForm = z.object({ password: z.string().max(1024), password2: z.string().max(1024) }).strict()

/** Starts a session for the person in this browser, ending the one it had (if any). */
function startSession(c: Context<AppEnv>, personId: string, token?: string, expiresAt?: number): void {
  const previous = c.get('current')
  if (previous) endSession(c.get('deps'), previous.sessionId)
  if (token && expiresAt) return writeSessionCookie(c, token, expiresAt)
  const created = createSession(c.get('deps').db, personId, c.get('deps').now())
  writeSessionCookie(c, created.token, sessionExpiresAt(created.session))
}

/** Log in, log out, and the one-time setup links (first admin, invitations). */
export const authPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    const next = safeNext(c.req.query('next'))
    if (c.get('current')) return c.redirect(next, 303)
    return render(c, <LoginPage ctx={pageContext(c)} next={next} />)
  })
  .post('/login', async (c) => {
    let email = ''
    let next = '/'
    const result = await submitForm(
      c,
      async () => {
        const input = await readForm(c, LoginForm)
        email = input.email
        next = safeNext(input.next)
        return logIn(c.get('deps'), { email: input.email, password: input.password, ip: clientIp(c) })
      },
      // A wrong password is `unauthenticated`: here it belongs on the form, not on the error page.
      { errorPage: ['csrf'] },
    )
    if (!result.ok) return render(c, <LoginPage ctx={pageContext(c)} email={email} next={next} problem={result.problem} />, result.status)
    startSession(c, result.value.person.id, result.value.token, sessionExpiresAt(result.value.session))
    return c.redirect(next, 303)
  })
  .post('/logout', (c) => {
    const current = c.get('current')
    if (current) endSession(c.get('deps'), current.sessionId)
    clearSessionCookie(c)
    forgetBrowserStorage(c)
    // The start page then also deletes the editor's offline copies by script (see forget-drafts.ts).
    return c.redirect(LOGGED_OUT_PATH, 303)
  })
  .get('/setup/:token', (c) => {
    const token = c.req.param('token')
    const info = inspectSetupLink(c.get('deps'), token)
    return render(c, <SetupPage ctx={pageContext(c)} token={token} info={info} />, info ? 200 : 404)
  })
  .post('/setup/:token', async (c) => {
    const { deps } = c.var
    const token = c.req.param('token')
    const info = inspectSetupLink(deps, token)
    if (!info) return render(c, <SetupPage ctx={pageContext(c)} token={token} info={null} />, 404)
    let values: { name?: string; email?: string } = {}
    const result = await submitForm(
      c,
      async () => {
        let input: { password: string; password2: string; name?: string; email?: string }
        if (info.purpose === 'first_admin') {
          input = await readForm(c, FirstAdminForm)
          values = { name: input.name, email: input.email }
        } else {
          input = await readForm(c, InviteForm)
        }
        if (input.password !== input.password2) fail('validation', { key: 'auth.password_mismatch' }, 'password2')
        const redeem =
          input.name !== undefined && input.email !== undefined
            ? { name: input.name, email: input.email, password: input.password }
            : { password: input.password }
        return redeemSetupLink(deps, token, redeem)
      },
      // A link used up meanwhile (`not_found`) is said on this page, below.
      { errorPage: ['csrf'] },
    )
    if (!result.ok) {
      // The link may have just been used up or expired; then say so instead of showing the form again.
      const now = inspectSetupLink(deps, token)
      const page = <SetupPage ctx={pageContext(c)} token={token} info={now} values={values} problem={result.problem} />
      return render(c, page, now ? result.status : 404)
    }
    startSession(c, result.value.id)
    return c.redirect('/', 303)
  })
