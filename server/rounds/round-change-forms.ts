import type { Context } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { fromLocalInput } from '../../shared/zoned-time.ts'
import type { RoundFlow } from '../../web/views/rounds/round-flow.tsx'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm } from '../http/refused-form.ts'
import type { PageStatus } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { CHANGE_REASON_MAX } from './round-change-input.ts'
import { ROUND_FIELD_MESSAGES } from './round-messages.ts'

// The coordinator's extend and cancel forms (web/views/rounds/round-flow.tsx), posted without
// JavaScript, for any kind of round: the caller names the domain call and the page to show again.

const ExtendForm = z.object({ closesAt: z.string().max(40).optional(), reason: z.string().max(CHANGE_REASON_MAX).optional() }).strict()
const CancelForm = z.object({ reason: z.string().max(CHANGE_REASON_MAX).optional(), confirm: z.string().max(10).optional() }).strict()

/** The extend and cancel forms: a refusal about the round itself (closed meanwhile) is shown there too. */
const CHANGE_FORM_ERROR_PAGE = ['unauthenticated', 'csrf', 'not_found', 'forbidden'] as const

type ChangePage = (changeForm: NonNullable<RoundFlow['changeForm']>, status: PageStatus) => Response | Promise<Response>

/** POST /rounds/:id/extend: moves the deadline (`extend`), or shows the page again with what was wrong. */
export async function submitExtendForm(c: Context<AppEnv>, roundId: string, extend: (closesAt: number, reason: string) => unknown, page: ChangePage): Promise<Response> {
  const form = await readForm(c, ExtendForm)
  const result = await submitForm(
    c,
    () => {
      const closesAt = fromLocalInput((form.closesAt ?? '').trim()) ?? fail('validation', undefined, 'closesAt')
      if (!form.reason?.trim()) fail('validation', { key: 'rounds.extend.reason_required' }, 'reason')
      return extend(closesAt, form.reason)
    },
    { messages: { ...ROUND_FIELD_MESSAGES, newClosesAt: 'rounds.extend.later' }, fields: { newClosesAt: 'closesAt' }, errorPage: CHANGE_FORM_ERROR_PAGE },
  )
  // To the list of extensions (without a fragment, the form's #extend-form would reopen the form).
  if (result.ok) return c.redirect(`/rounds/${roundId}#extensions-heading`, 303)
  return page({ form: 'extend', field: result.problem.field, error: result.problem.message, ...(form.closesAt !== undefined ? { closesAt: form.closesAt } : {}), ...(form.reason !== undefined ? { reason: form.reason } : {}) }, result.status)
}

/** POST /rounds/:id/cancel: ends the round without a result (`cancel`), after the confirmation box. */
export async function submitCancelForm(c: Context<AppEnv>, roundId: string, cancel: (reason: string) => unknown, page: ChangePage): Promise<Response> {
  const form = await readForm(c, CancelForm)
  const result = await submitForm(
    c,
    () => {
      if (!form.reason?.trim()) fail('validation', { key: 'rounds.cancel.reason_required' }, 'reason')
      // Like closing, one tap must not end a round for good.
      if (form.confirm !== 'yes') fail('validation', { key: 'rounds.cancel.unconfirmed' }, 'confirm')
      return cancel(form.reason)
    },
    { errorPage: CHANGE_FORM_ERROR_PAGE },
  )
  if (result.ok) return c.redirect(`/rounds/${roundId}#round-cancelled`, 303)
  return page({ form: 'cancel', field: result.problem.field, error: result.problem.message, ...(form.reason !== undefined ? { reason: form.reason } : {}) }, result.status)
}
