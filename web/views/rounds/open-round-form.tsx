import { ELECTORATES, MAJORITIES, ROUND_KINDS } from '../../../shared/rules/choices.ts'
import { VISIBILITIES } from '../../../shared/rules/visibility.ts'
import { ErrorNotice, type PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { electorateLabel, kindLabel, majorityLabel } from './round-labels.ts'
import { toLocalInput } from './zoned-time.ts'

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
  error?: { message: string; field?: string | undefined } | null
  /** On its own page the page title says it already; on the position page the form has its own heading. */
  heading?: boolean
  /** The different weights initiatives have; more than one limits what secrecy can hide. */
  initiativeWeights?: readonly number[]
}

/** The coordinator's form to open a round (POST /positions/:id/rounds); works without JavaScript. */
export function OpenRoundForm({ ctx, positionId, now, versions, values, error, heading = true, initiativeWeights = [] }: OpenRoundFormProps) {
  const { t } = ctx
  const v = values ?? defaultOpenRoundValues(now)
  const fieldError = (field: string) =>
    error?.field === field ? (
      <p class="field-error" id={`open-${field}-error`}>
        {error.message}
      </p>
    ) : null
  const describedBy = (field: string, hint?: string) => [hint, error?.field === field ? `open-${field}-error` : undefined].filter(Boolean).join(' ') || undefined
  const known = ['kind', 'electorate', 'majority', 'quorum', 'closesAt', 'version', 'shortNotice', 'visibility']
  return (
    <section class="open-round" aria-label={t('rounds.open.heading')}>
      {heading ? <h2>{t('rounds.open.heading')}</h2> : null}
      <p class="hint">{t('rounds.open.intro')}</p>
      <ErrorNotice message={error && !known.includes(error.field ?? '') ? error.message : null} />
      <form method="post" action={`/positions/${positionId}/rounds`} novalidate>
        <fieldset aria-describedby={describedBy('kind')}>
          <legend>{t('rounds.open.kind')}</legend>
          {fieldError('kind')}
          {ROUND_KINDS.map((kind) => (
            <div class="choice">
              <input type="radio" id={`open-kind-${kind}`} name="kind" value={kind} checked={v.kind === kind} aria-describedby={`open-kind-${kind}-hint`} />
              <label for={`open-kind-${kind}`}>{kindLabel(t, kind)}</label>
              <p class="hint choice-hint" id={`open-kind-${kind}-hint`}>
                {t(`rounds.kind.${kind}.hint`)}
              </p>
            </div>
          ))}
        </fieldset>
        <fieldset aria-describedby={describedBy('electorate')}>
          <legend>{t('rounds.open.electorate')}</legend>
          {fieldError('electorate')}
          {ELECTORATES.map((electorate) => (
            <div class="choice">
              <input
                type="radio"
                id={`open-electorate-${electorate}`}
                name="electorate"
                value={electorate}
                checked={v.electorate === electorate}
                aria-describedby={`open-electorate-${electorate}-hint`}
              />
              <label for={`open-electorate-${electorate}`}>{electorateLabel(t, electorate)}</label>
              <p class="hint choice-hint" id={`open-electorate-${electorate}-hint`}>
                {t(`rounds.electorate.${electorate}.hint`)}
              </p>
            </div>
          ))}
        </fieldset>
        {/* Only votes have a majority: hidden by CSS (:has) while "consent" is picked, and says so without it. */}
        <fieldset class="majority-field" aria-describedby={describedBy('majority', 'open-majority-hint')}>
          <legend>{t('rounds.majority.legend')}</legend>
          <label for="open-majority">{t('rounds.open.majority')}</label>
          <p class="hint" id="open-majority-hint">
            {t('rounds.open.majority.hint')}
          </p>
          {fieldError('majority')}
          <select id="open-majority" name="majority" aria-describedby={describedBy('majority', 'open-majority-hint')}>
            {MAJORITIES.map((m) => (
              <option value={m} selected={v.majority === m}>
                {majorityLabel(t, m)}
              </option>
            ))}
          </select>
        </fieldset>
        <label for="open-quorum">{t('rounds.open.quorum')}</label>
        <p class="hint" id="open-quorum-hint">
          {t('rounds.open.quorum.hint')}
        </p>
        {fieldError('quorum')}
        <input
          id="open-quorum"
          name="quorum"
          type="number"
          min={0}
          max={100}
          step="any"
          inputmode="decimal"
          value={v.quorum}
          required
          aria-describedby={describedBy('quorum', 'open-quorum-hint')}
          aria-invalid={error?.field === 'quorum' ? 'true' : undefined}
        />
        <label for="open-closes-at">{t('rounds.open.closes_at')}</label>
        <p class="hint" id="open-closes-at-hint">
          {t('rounds.open.closes_at.hint')}
        </p>
        {fieldError('closesAt')}
        <input
          id="open-closes-at"
          name="closesAt"
          type="datetime-local"
          value={v.closesAt}
          required
          aria-describedby={describedBy('closesAt', 'open-closes-at-hint')}
          aria-invalid={error?.field === 'closesAt' ? 'true' : undefined}
        />
        <label for="open-version">{t('rounds.open.version')}</label>
        {fieldError('version')}
        <select id="open-version" name="version" aria-describedby={describedBy('version')}>
          <option value="new" selected={v.version === 'new'}>
            {t('rounds.open.version.new')}
          </option>
          {versions.map((ver) => (
            <option value={String(ver.number)} selected={v.version === String(ver.number)}>
              {t('rounds.open.version.existing', { n: ver.number, date: formatDateTime(ver.createdAt, ctx.locale) })}
            </option>
          ))}
        </select>
        <fieldset aria-describedby={describedBy('visibility')}>
          <legend>{t('rounds.visibility.legend')}</legend>
          {fieldError('visibility')}
          {VISIBILITIES.map((vis) => (
            <div class="choice">
              <input type="radio" id={`open-visibility-${vis}`} name="visibility" value={vis} checked={v.visibility === vis} aria-describedby={vis === 'secret' && initiativeWeights.length > 1 ? `open-visibility-${vis}-hint open-secret-weights` : `open-visibility-${vis}-hint`} />
              <label for={`open-visibility-${vis}`}>{t(`rounds.visibility.${vis}`)}</label>
              <p class="hint choice-hint" id={`open-visibility-${vis}-hint`}>
                {t(`rounds.visibility.${vis}.hint`)}
              </p>
            </div>
          ))}
          {initiativeWeights.length > 1 ? (
            <p class="notice round-notice" id="open-secret-weights">
              {t('rounds.open.secret.weights', { weights: initiativeWeights.join(', ') })}
            </p>
          ) : null}
        </fieldset>
        <fieldset class="short-notice" aria-describedby={describedBy('shortNotice', 'open-short-notice-hint')}>
          <legend>{t('rounds.short_notice.legend')}</legend>
          <p class="hint" id="open-short-notice-hint">
            {t('rounds.short_notice.hint')}
          </p>
          {fieldError('shortNotice')}
          <label class="check" for="open-short-notice">
            <input id="open-short-notice" name="shortNotice" type="checkbox" value="1" checked={v.shortNotice} />
            {t('rounds.short_notice.label')}
          </label>
          <label for="open-short-notice-reason">{t('rounds.short_notice.reason')}</label>
          <textarea
            id="open-short-notice-reason"
            name="shortNoticeReason"
            maxlength={1000}
            rows={2}
            aria-invalid={error?.field === 'shortNotice' ? 'true' : undefined}
            aria-describedby={describedBy('shortNotice', 'open-short-notice-hint')}
          >
            {v.shortNoticeReason}
          </textarea>
        </fieldset>
        <div>
          <button type="submit">{t('rounds.open.submit')}</button>
        </div>
      </form>
    </section>
  )
}
