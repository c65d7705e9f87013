import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { VOTE_CHOICES, CONSENT_CHOICES } from '../../shared/rules/choices.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm } from '../http/refused-form.ts'
import { readForm } from '../http/validate.ts'
import { castBallot } from '../rounds/cast-ballot.ts'
import { ballotPage } from '../rounds/rounds.pages.tsx'
import { ROUND_FIELD_MESSAGES } from '../rounds/round-messages.ts'
import { grantProxy } from './grant-proxy.ts'
import { revokeProxy } from './revoke-proxy.ts'

const GrantForm = z.object({ toPersonId: z.string().max(64).optional(), scope: z.enum(['round', 'all']).optional() }).strict()
const RevokeForm = z.object({}).strict()
const parts = Object.fromEntries([...CONSENT_CHOICES, ...VOTE_CHOICES].map((c) => [`part_${c}`, z.string().max(12).optional()]))
const SplitForm = z.object({ initiativeId: z.string().max(64).optional(), reason: z.string().max(4000).optional(), ...parts }).strict()

const roundOf = (c: Context<AppEnv>) => c.req.query('round') ?? ''

/** A whole number as typed, or NaN (the domain refuses it with split_invalid). */
function part(value: string | undefined): number {
  const text = (value ?? '').trim()
  return text === '' ? 0 : /^-?\d+$/.test(text) ? Number(text) : Number.NaN
}

/** The forms of the round page that hand on a vote, take it back, and cast a split vote. */
export const proxiesPages = new Hono<AppEnv>()
  .post('/initiatives/:id/proxies', async (c) => {
    const { actor } = requirePerson(c)
    const roundId = roundOf(c)
    const result = await submitForm(c, async () => {
      const form = await readForm(c, GrantForm)
      return grantProxy(c.get('deps'), actor, c.req.param('id'), { toPersonId: form.toPersonId ?? '', roundId: form.scope === 'all' ? undefined : roundId })
    })
    if (result.ok) return c.redirect(`/rounds/${roundId}#proxies-heading`, 303)
    return ballotPage(c, roundId, { form: { error: result.problem.message }, status: result.status })
  })
  .post('/proxies/:id/revoke', async (c) => {
    const { actor } = requirePerson(c)
    const roundId = roundOf(c)
    const result = await submitForm(c, async () => {
      await readForm(c, RevokeForm)
      revokeProxy(c.get('deps'), actor, c.req.param('id'))
    })
    if (result.ok) return c.redirect(`/rounds/${roundId}#ballot-heading`, 303)
    return ballotPage(c, roundId, { form: { error: result.problem.message }, status: result.status })
  })
  .post('/rounds/:id/split-ballot', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const result = await submitForm(
      c,
      async () => {
        const form = await readForm(c, SplitForm)
        const split: Record<string, number> = {}
        for (const [key, value] of Object.entries(form)) if (key.startsWith('part_')) split[key.slice(5)] = part(value as string | undefined)
        return castBallot(c.get('deps'), actor, id, { split, reason: form.reason, initiativeId: form.initiativeId || undefined })
      },
      { messages: ROUND_FIELD_MESSAGES },
    )
    if (result.ok) return c.redirect(`/rounds/${id}?saved=1`, 303)
    return ballotPage(c, id, { form: { error: result.problem.message }, status: result.status })
  })
