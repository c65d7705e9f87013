import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { PublishPage } from '../../web/views/public/publish-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import { safeNext } from '../auth/safe-next.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm, type Refused } from '../http/refused-form.ts'
import { pageContext, render } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { positionForPublishing } from './adoption.repo.ts'
import { coSign, takeBackSignature } from './co-sign.ts'
import { publishPanelData } from './panel-data.ts'
import { publishPosition } from './publish-position.ts'
import { REASON_MAX, SUMMARY_MAX } from './publishing.routes.ts'
import { withdrawPosition } from './withdraw-position.ts'

const PublishForm = z.strictObject({ summary: z.string().max(SUMMARY_MAX).optional() })
const WithdrawForm = z.strictObject({ reason: z.string().max(REASON_MAX) })
const SignForm = z.strictObject({ initiativeId: z.string().min(1).max(64), back: z.string().max(2000).optional() })
const BackForm = z.strictObject({ back: z.string().max(2000).optional() })

/** The panel page again, with the message and what was entered. */
function panelPage(c: Context<AppEnv>, positionId: string, values: { summary?: string; reason?: string }, refused?: Refused) {
  const { actor } = requirePerson(c)
  const position = positionForPublishing(c.get('deps').db, positionId) ?? fail('not_found')
  const data = publishPanelData(c.get('deps'), actor, positionId) ?? fail('forbidden')
  return render(c, <PublishPage ctx={pageContext(c)} title={position.title} data={data} values={values} problem={refused?.problem ?? null} />, refused?.status ?? 200)
}

/** Form posts (without JavaScript) for publishing, withdrawing and co-signing. */
export const publishingPages = new Hono<AppEnv>()
  .get('/positions/:id/publish', (c) => panelPage(c, c.req.param('id'), {}))
  .post('/positions/:id/publish', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    let summary = ''
    const result = await submitForm(c, async () => {
      const input = await readForm(c, PublishForm)
      summary = input.summary ?? ''
      return publishPosition(c.get('deps'), actor, id, input)
    })
    if (!result.ok) return panelPage(c, id, { summary }, result)
    return c.redirect(`/p/${result.value.slug}`, 303)
  })
  .post('/positions/:id/withdraw', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    let reason = ''
    const result = await submitForm(c, async () => {
      const input = await readForm(c, WithdrawForm)
      reason = input.reason
      if (input.reason.trim() === '') fail('validation', { key: 'error.field_required', params: { field: { key: 'publishing.reason_label' } } }, 'reason')
      return withdrawPosition(c.get('deps'), actor, id, input)
    })
    if (!result.ok) return panelPage(c, id, { reason }, result)
    return c.redirect(`/p/${result.value.slug}`, 303)
  })
  .post('/positions/:id/signatures', async (c) => {
    const { actor } = requirePerson(c)
    const input = await readForm(c, SignForm)
    coSign(c.get('deps'), actor, c.req.param('id'), input.initiativeId)
    return c.redirect(safeNext(input.back), 303)
  })
  .post('/positions/:id/signatures/:initiativeId/delete', async (c) => {
    const { actor } = requirePerson(c)
    const input = await readForm(c, BackForm)
    takeBackSignature(c.get('deps'), actor, c.req.param('id'), c.req.param('initiativeId'))
    return c.redirect(safeNext(input.back), 303)
  })
