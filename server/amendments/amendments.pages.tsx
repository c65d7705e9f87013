import { Hono } from 'hono'
import { z } from 'zod'
import { AmendmentsPage } from '../../web/views/amendments/amendments-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { readEntered, submitForm } from '../http/refused-form.ts'
import { parseWith } from '../http/validate.ts'
import { MAX_AMENDMENT_REASON, MAX_AMENDMENT_TEXT } from './amendments.routes.ts'
import { decideAmendment } from './decide-amendment.ts'
import { mergeAgain } from './merge-amendment.ts'
import { proposeByQuote } from './propose-by-quote.ts'
import { amendmentsPageData } from './read-amendments.ts'
import { getAmendment } from './amendment.repo.ts'
import { fail } from '../../shared/errors.ts'
import { setSupport } from './support-amendment.ts'

const ProposeForm = z.object({
  versionNumber: z.coerce.number().int().min(1).max(1_000_000),
  quote: z.string().trim().min(1).max(MAX_AMENDMENT_TEXT),
  text: z.string().max(MAX_AMENDMENT_TEXT).default(''),
  reason: z.string().trim().min(1).max(MAX_AMENDMENT_REASON),
})
const SupportForm = z.object({ action: z.enum(['support', 'unsupport']) })
const DecideForm = z.object({ decision: z.enum(['take_over', 'reject']), reason: z.string().max(MAX_AMENDMENT_REASON).default('') })

/** /positions/:id/amendments and the forms of its amendments (they work without JavaScript). */
export const amendmentsPages = new Hono<AppEnv>()
  .get('/positions/:id/amendments', (c) => {
    const { actor } = requirePerson(c)
    return render(c, <AmendmentsPage ctx={pageContext(c)} {...amendmentsPageData(c.get('deps'), actor, c.req.param('id'))} />)
  })
  .post('/positions/:id/amendments', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const values = await readEntered(c)
    const result = await submitForm(c, () => proposeByQuote(deps, actor, c.req.param('id'), parseWith(c, ProposeForm, values)), { fields: { from: 'quote', content: 'text' } })
    if (!result.ok) return render(c, <AmendmentsPage ctx={pageContext(c)} {...amendmentsPageData(deps, actor, c.req.param('id'))} values={values} problem={result.problem} />, result.status)
    return c.redirect(`/positions/${c.req.param('id')}/amendments#a-${result.value.number}`, 303)
  })
  .post('/amendments/:id/support', async (c) => {
    const { actor } = requirePerson(c)
    const { action } = parseWith(c, SupportForm, await readEntered(c))
    const row = setSupport(c.get('deps'), actor, c.req.param('id'), action === 'support')
    return c.redirect(`/positions/${row.position_id}/amendments#a-${row.number}`, 303)
  })
  .post('/amendments/:id/decide', async (c) => {
    const { actor } = requirePerson(c)
    const { decision, reason } = parseWith(c, DecideForm, await readEntered(c))
    const row = decideAmendment(c.get('deps'), actor, c.req.param('id'), decision, reason)
    return c.redirect(`/positions/${row.position_id}/amendments#a-${row.number}`, 303)
  })
  .post('/amendments/:id/merge', (c) => {
    const { actor } = requirePerson(c)
    mergeAgain(c.get('deps'), actor, c.req.param('id'))
    const row = getAmendment(c.get('deps').db, c.req.param('id')) ?? fail('not_found')
    return c.redirect(`/positions/${row.position_id}/amendments#a-${row.number}`, 303)
  })
