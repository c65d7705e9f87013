import { ELECTORATES, MAJORITIES, ROUND_KINDS } from '../../../shared/rules/choices.ts'
import { VISIBILITIES } from '../../../shared/rules/visibility.ts'
import { CheckboxField, ChoiceGroup, FormError, PostForm, SelectField, TextArea, TextField } from '../form/field.tsx'
import { errorFor, errorId, formView, type FormProblem, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { electorateLabel, kindLabel, majorityLabel } from './round-labels.ts'
import { ShortNoticeFields } from './short-notice-fields.tsx'
import { toLocalInput } from '../../../shared/zoned-time.ts'

/** What the form shows; strings as the browser sends them back. */
export interface OpenRoundValues {
  kind: string
  electorate: string
  majority: string
  /** Percent, e.g. "50". */
  quorum: string
  /** open | until_close | secret */
  visibility: string
  /** The explicit confirmation of a deadline under 24 hours away, and why. */
  shortNotice: boolean
  shortNoticeReason: string
  /** "YYYY-MM-DDTHH:MM" in the alliance's time zone. */
  closesAt: string
  /** "new" or a version number. */
  version: string
}

export const OPEN_ROUND_DAYS = 7

/** Consent round, electorate initiatives, quorum 50 %, closes in 7 days, freezing the draft. */
export function defaultOpenRoundValues(now: number): OpenRoundValues {
  const inAWeek = Math.ceil((now + OPEN_ROUND_DAYS * 24 * 3600_000) / 60_000) * 60_000
  return { kind: 'consent', electorate: 'initiatives', majority: 'simple', quorum: '50', visibility: 'open', shortNotice: false, shortNoticeReason: '', closesAt: toLocalInput(inAWeek), version: 'new' }
}

export interface OpenRoundFormProps {
  ctx: PageContext
  positionId: string
  now: number
  /** Existing versions (newest first) that a round could decide on instead of a new freeze. */
  versions: Array<{ number: number; createdAt: number }>
  values?: OpenRoundValues
  error?: FormProblem | null
  /** On its own page the page title says it already; on the position page the form has its own heading. */
  heading?: boolean
  /** The different weights initiatives have; more than one limits what secrecy can hide. */
  initiativeWeights?: readonly number[]
}

/** The open-round form's fields by name: the control each refusal and summary link is about. */
export const OPEN_ROUND_FIELDS = {
  kind: 'open-kind-consent',
  electorate: 'open-electorate-initiatives',
  majority: 'open-majority',
  quorum: 'open-quorum',
  closesAt: 'open-closes-at',
  version: 'open-version',
  visibility: 'open-visibility-open',
  shortNotice: 'open-short-notice',
  shortNoticeReason: 'open-short-notice-reason',
} as const

export function openRoundForm(values: OpenRoundValues, error: FormProblem | null | undefined): FormView {
  const shown = { ...values, shortNotice: values.shortNotice ? '1' : undefined }
  return formView({ prefix: 'open-', values: shown, problem: error, fields: OPEN_ROUND_FIELDS })
}

/** The coordinator's form to open a round (POST /positions/:id/rounds); works without JavaScript. */
export function OpenRoundForm({ ctx, positionId, now, versions, values, error, heading = true, initiativeWeights = [] }: OpenRoundFormProps) {
  const { t } = ctx
  const form = openRoundForm(values ?? defaultOpenRoundValues(now), error)
  const weightsNote = initiativeWeights.length > 1 ? 'open-secret-weights' : undefined
  return (
    <section class="open-round" aria-label={t('rounds.open.heading')}>
      {heading ? <h2>{t('rounds.open.heading')}</h2> : null}
      <p class="hint">{t('rounds.open.intro')}</p>
      <FormError form={form} />
      <PostForm action={`/positions/${positionId}/rounds`} novalidate>
        <ChoiceGroup form={form} name="kind" legend={t('rounds.open.kind')} choices={ROUND_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind), hint: t(`rounds.kind.${kind}.hint`) }))} />
        <ChoiceGroup
          form={form}
          name="electorate"
          legend={t('rounds.open.electorate')}
          choices={ELECTORATES.map((electorate) => ({ value: electorate, label: electorateLabel(t, electorate), hint: t(`rounds.electorate.${electorate}.hint`) }))}
        />
        {/* Only votes have a majority: hidden by CSS (:has) while "consent" is picked, and says so without it. */}
        <fieldset class="majority-field">
          <legend>{t('rounds.majority.legend')}</legend>
          <SelectField form={form} name="majority" label={t('rounds.open.majority')} hint={t('rounds.open.majority.hint')} options={MAJORITIES.map((m) => ({ value: m, label: majorityLabel(t, m) }))} />
        </fieldset>
        <TextField form={form} name="quorum" type="number" label={t('rounds.open.quorum')} hint={t('rounds.open.quorum.hint')} min={0} max={100} step="any" inputmode="decimal" required />
        <TextField form={form} name="closesAt" type="datetime-local" label={t('rounds.open.closes_at')} hint={t('rounds.open.closes_at.hint')} required />
        <SelectField
          form={form}
          name="version"
          label={t('rounds.open.version')}
          options={[
            { value: 'new', label: t('rounds.open.version.new') },
            ...versions.map((ver) => ({ value: String(ver.number), label: t('rounds.open.version.existing', { n: ver.number, date: formatDateTime(ver.createdAt, ctx.locale) }) })),
          ]}
        />
        <ChoiceGroup
          form={form}
          name="visibility"
          legend={t('rounds.visibility.legend')}
          choices={VISIBILITIES.map((vis) => ({ value: vis, label: t(`rounds.visibility.${vis}`), hint: t(`rounds.visibility.${vis}.hint`), describedBy: vis === 'secret' ? weightsNote : undefined }))}
        >
          {weightsNote ? (
            <p class="notice round-notice" id={weightsNote}>
              {t('rounds.open.secret.weights', { weights: initiativeWeights.join(', ') })}
            </p>
          ) : null}
        </ChoiceGroup>
        <ShortNoticeFields ctx={ctx} form={form} />
        <div>
          <button type="submit">{t('rounds.open.submit')}</button>
        </div>
      </PostForm>
    </section>
  )
}
