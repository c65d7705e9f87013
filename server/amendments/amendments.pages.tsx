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
import { proposeFromForm } from './propose-from-form.ts'
import { amendmentsPageData } from './read-amendments.ts'
import { getAmendment } from './amendment.repo.ts'
import { passagesOf, proposeTextOf } from './passage-view.ts'
import type { PmJson } from '../../web/views/amendments/amendment-diff.tsx'
import { fail } from '../../shared/errors.ts'
import { setSupport } from './support-amendment.ts'
import { replyToAmendment } from './reply-to-amendment.ts'
import { MAX_COMMENT_LENGTH } from '../../shared/comments/mentions.ts'

const WEEK = 7 * 24 * 60 * 60 * 1000

/** A position in the version's text as a form posts it; an empty field is none. */
const formPosition = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(100_000_000).optional())
/** The editor's replacement: ProseMirror block nodes as JSON (checked against the schema later). */
const formContent = z
  .string()
  .optional()
  .transform((json, ctx) => {
    if (json === undefined) return undefined
    try {
      const parsed: unknown = JSON.parse(json)
      if (Array.isArray(parsed) && parsed.length <= 500) return parsed as unknown[]
    } catch {
      // refused below
    }
    ctx.addIssue({ code: 'custom', message: 'not a list of ProseMirror nodes' })
    return z.NEVER
  })
const ProposeForm = z.object({
  versionNumber: z.coerce.number().int().min(1).max(1_000_000),
  from: formPosition,
  to: formPosition,
  quote: z.string().trim().max(MAX_AMENDMENT_TEXT).default(''),
  text: z.string().max(MAX_AMENDMENT_TEXT).default(''),
  content: formContent,
  reason: z.string().trim().min(1).max(MAX_AMENDMENT_REASON),
})
const SupportForm = z.object({ action: z.enum(['support', 'unsupport']) })
const ReplyForm = z.object({ body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH) })
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

const TextQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined) })

function page(c: Context<AppEnv>, actor: Actor, extra: Partial<AmendmentsPageProps> = {}, status?: PageStatus, positionId = c.req.param('id') ?? '') {
  const deps = c.get('deps')
  const data = amendmentsPageData(deps, actor, positionId)
  const passages = passagesOf(deps, positionId, data.amendments)
  const amendments = data.amendments.map((a) => ({ ...a, content: a.content as PmJson[], passage: passages.get(a.id) as PmJson[] | undefined }))
  // The text to select a passage in: the version the refused form named, else ?version=, else the latest.
  const wanted = Number(extra.values?.versionNumber) || TextQuery.parse(c.req.query()).version
  const text = data.canPropose ? proposeTextOf(deps, positionId, wanted) : undefined
  return render(c, <AmendmentsPage ctx={pageContext(c)} {...data} amendments={amendments} text={text} defaultClosesAt={toLocalInput(deps.now() + WEEK)} {...extra} />, status)
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
    const result = await submitForm(c, () => proposeFromForm(deps, actor, c.req.param('id'), parseWith(c, ProposeForm, values)), { fields: { from: 'quote', to: 'quote', content: 'text' }, messages: { content: 'amendments.error.content_invalid' } })
    if (!result.ok) return page(c, actor, { values, problem: result.problem }, result.status)
    return c.redirect(`/positions/${c.req.param('id')}/amendments#a-${result.value.number}`, 303)
  })
  .post('/amendments/:id/support', async (c) => {
    const { actor } = requirePerson(c)
    const { action } = parseWith(c, SupportForm, await readEntered(c))
    const row = setSupport(c.get('deps'), actor, c.req.param('id'), action === 'support')
    return c.redirect(`/positions/${row.position_id}/amendments#a-${row.number}`, 303)
  })
  .post('/amendments/:id/replies', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const amendment = getAmendment(deps.db, c.req.param('id')) ?? fail('not_found')
    const values = await readEntered(c)
    const result = await submitForm(c, () => replyToAmendment(deps, actor, amendment.id, parseWith(c, ReplyForm, values).body), { messages: { body: 'amendments.discussion.body_invalid' } })
    if (!result.ok) return page(c, actor, { refusedReply: { amendmentId: amendment.id, values, problem: result.problem } }, result.status, amendment.position_id)
    return c.redirect(`/positions/${amendment.position_id}/amendments#comment-${result.value.id}`, 303)
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
