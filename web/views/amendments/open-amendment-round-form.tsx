import { FieldError, FormError, PostForm, TextField } from '../form/field.tsx'
import { checkedIn, errorId, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { ShortNoticeFields } from '../rounds/short-notice-fields.tsx'

export interface AmendmentRoundLink {
  id: string
  status: 'open' | 'closed' | 'cancelled'
  numbers: number[]
}

/** The amendment rounds of a position, linked to their ballot or result. */
export function AmendmentRoundList({ ctx, rounds }: { ctx: PageContext; rounds: AmendmentRoundLink[] }) {
  const { t } = ctx
  if (rounds.length === 0) return null
  return (
    <section aria-labelledby="amend-rounds-heading">
      <h2 id="amend-rounds-heading">{t('amendments.rounds.heading')}</h2>
      <ul>
        {rounds.map((r) => (
          <li>
            <a href={`/rounds/${r.id}`}>{t('amendments.rounds.item', { numbers: r.numbers.map((n) => t('amendments.label', { number: n })).join(', ') })}</a> ·{' '}
            {r.status === 'open' ? t('amendments.rounds.open') : r.status === 'cancelled' ? t('amendments.round.cancelled') : t('amendments.round.closed')}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The coordinator's form to put open amendments to a vote (one yes/no/abstain per amendment). */
export function OpenAmendmentRoundForm({ ctx, form, positionId, open }: { ctx: PageContext; form: FormView; positionId: string; open: Array<{ id: string; number: number }> }) {
  const { t } = ctx
  if (open.length === 0) return null
  const chosen = (id: string) => (form.problem ? checkedIn(form.values, 'amendmentIds', id) : false)
  return (
    <section aria-labelledby="amend-round-heading">
      <h2 id="amend-round-heading">{t('amendments.rounds.open_heading')}</h2>
      <FormError form={form} />
      <PostForm action={`/positions/${positionId}/amendment-rounds`}>
        <fieldset id={form.fields.amendmentIds} tabindex={-1} aria-describedby={form.problem?.field === 'amendmentIds' ? errorId(form, 'amendmentIds') : undefined}>
          <legend>{t('amendments.rounds.which')}</legend>
          <FieldError form={form} name="amendmentIds" />
          {open.map((a) => (
            <div class="choice">
              <input type="checkbox" id={`amend-round-${a.id}`} name="amendmentIds" value={a.id} checked={chosen(a.id)} />{' '}
              <label for={`amend-round-${a.id}`}>{t('amendments.label', { number: a.number })}</label>
            </div>
          ))}
        </fieldset>
        <TextField form={form} name="quorum" label={t('amendments.rounds.quorum')} inputmode="decimal" required maxlength={6} />
        <TextField form={form} name="closesAt" type="datetime-local" label={t('amendments.rounds.closes_at')} required />
        <ShortNoticeFields ctx={ctx} form={form} />
        <div class="choice">
          <input type="checkbox" id="amend-round-secret" name="secret" value="on" checked={checkedIn(form.values, 'secret')} /> <label for="amend-round-secret">{t('amendments.rounds.secret')}</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="amend-round-ordered" name="ordered" value="on" checked={checkedIn(form.values, 'ordered')} /> <label for="amend-round-ordered">{t('amendments.rounds.ordered')}</label>
        </div>
        <p>
          <button type="submit">{t('amendments.rounds.submit')}</button>
        </p>
      </PostForm>
    </section>
  )
}
