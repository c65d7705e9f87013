import type { Translate } from '../../shared/i18n/index.ts'

/**
 * One reason a submitted form was refused; `fieldId` is the id of the control it is about, if
 * any. Pages get them from their forms (`formErrors` in form/form-view.ts), the one way a
 * refusal is shown: a summary at the top, the message at its field or above its form.
 */
export interface PageError {
  message: string
  fieldId?: string | undefined
}

/** "Fehler (2): " in front of the page title, so the refusal is the first thing a screen reader says. */
export function errorTitlePrefix(t: Translate, errors: readonly PageError[]): string {
  return errors.length ? `${t('form.errors_title', { count: errors.length })}: ` : ''
}

/**
 * The error summary of a refused form (as GOV.UK forms have it): a heading with the count and a
 * link to each field. `autofocus` on a `tabindex=-1` box moves focus to it on load without a
 * script (the CSP allows no inline script), so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ t, errors }: { t: Translate; errors: readonly PageError[] }) {
  if (!errors.length) return null
  return (
    <div class="error-summary" id="error-summary" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{errors.length === 1 ? t('form.errors_heading_one') : t('form.errors_heading', { count: errors.length })}</h2>
      <ul>
        {errors.map((e) => (
          <li>{e.fieldId ? <a href={`#${e.fieldId}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  )
}
