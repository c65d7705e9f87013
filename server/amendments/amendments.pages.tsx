import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Actor } from '../../shared/policy.ts'
import { fromLocalInput, toLocalInput } from '../../shared/zoned-time.ts'
import type { FormValues } from '../../web/views/form/form-view.ts'
import type { PageStatus } from '../http/render.tsx'
import { openAmendmentRound, type OpenAmendmentRoundInput } from './open-amendment-round.ts'
import { z } from 'zod'
import { AmendmentsPage, type AmendmentsPageProps } from '../../web/views/amendments/amendments-page.tsx'
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

const WEEK = 7 * 24 * 60 * 60 * 1000

const ProposeForm = z.object({
  versionNumber: z.coerce.number().int().min(1).max(1_000_000),
  quote: z.string().trim().min(1).max(MAX_AMENDMENT_TEXT),
  text: z.string().max(MAX_AMENDMENT_TEXT).default(''),
  reason: z.string().trim().min(1).max(MAX_AMENDMENT_REASON),
})
const SupportForm = z.object({ action: z.enum(['support', 'unsupport']) })
const DecideForm = z.object({ decision: z.enum(['take_over', 'reject']), reason: z.string().max(MAX_AMENDMENT_REASON).default('') })

/** /positions/:id/amendments and the forms of its amendments (they work without JavaScript). */
/** The open-round form as a browser posts it: ticked amendments, quorum in percent, a local deadline. */
function roundInputOf(values: FormValues): OpenAmendmentRoundInput {
  const ids = values.amendmentIds === undefined ? [] : Array.isArray(values.amendmentIds) ? values.amendmentIds : [values.amendmentIds]
  if (ids.length === 0) fail('validation', { key: 'amendments.rounds.none_chosen' }, 'amendmentIds')
  const quorum = typeof values.quorum === 'string' ? values.quorum.trim().replace(',', '.') : ''
  const percent = Number(quorum)
  if (quorum === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) fail('validation', { key: 'rounds.error.quorum_invalid' }, 'quorum')
  const closesAt = fromLocalInput(typeof values.closesAt === 'string' ? values.closesAt.trim() : '') ?? fail('validation', { key: 'rounds.error.closes_at_invalid' }, 'closesAt')
  // The "kurzfristig" box (rounds/short-notice-fields.tsx): ticked without a reason says so at the box.
  const shortNotice = values.shortNotice === '1'
  const reason = typeof values.shortNoticeReason === 'string' ? values.shortNoticeReason : ''
  if (shortNotice && !reason.trim()) fail('validation', { key: 'rounds.short_notice.reason_required' }, 'shortNotice')
  const shortNoticeReason = shortNotice ? reason : undefined
  return { amendmentIds: ids, electorate: 'initiatives', majority: 'simple', quorum: percent / 100, secret: values.secret === 'on', ordered: values.ordered === 'on', closesAt, shortNoticeReason }
}

function page(c: Context<AppEnv>, actor: Actor, extra: Partial<AmendmentsPageProps> = {}, status?: PageStatus) {
  const deps = c.get('deps')
  const data = amendmentsPageData(deps, actor, c.req.param('id') ?? '')
  return render(c, <AmendmentsPage ctx={pageContext(c)} {...data} defaultClosesAt={toLocalInput(deps.now() + WEEK)} {...extra} />, status)
}

export const amendmentsPages = new Hono<AppEnv>()
  .get('/positions/:id/amendments', (c) => {
    const { actor } = requirePerson(c)
    return page(c, actor)
  })
  .post('/positions/:id/amendment-rounds', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const values = await readEntered(c)
    const result = await submitForm(c, () => openAmendmentRound(deps, actor, c.req.param('id'), roundInputOf(values)), { messages: { closesAt: 'rounds.error.closes_at_invalid' } })
    if (!result.ok) return page(c, actor, { roundValues: values, roundProblem: result.problem }, result.status)
    return c.redirect(`/rounds/${result.value.id}`, 303)
  })
  .post('/positions/:id/amendments', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const values = await readEntered(c)
    const result = await submitForm(c, () => proposeByQuote(deps, actor, c.req.param('id'), parseWith(c, ProposeForm, values)), { fields: { from: 'quote', content: 'text' } })
    if (!result.ok) return page(c, actor, { values, problem: result.problem }, result.status)
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
