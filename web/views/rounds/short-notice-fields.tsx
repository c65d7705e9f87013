import { CheckboxField, TextArea } from '../form/field.tsx'
import { errorFor, errorId, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'

/**
 * The "kurzfristig" box and its reason, in every form that opens a round (on a version or on
 * amendments): a deadline under 24 hours away is refused without them (`deadline_too_soon`).
 * The form posts `shortNotice=1` and `shortNoticeReason`.
 */
export function ShortNoticeFields({ ctx, form }: { ctx: PageContext; form: FormView }) {
  const { t } = ctx
  return (
    <fieldset class="short-notice">
      <legend>{t('rounds.short_notice.legend')}</legend>
      <CheckboxField form={form} name="shortNotice" value="1" label={t('rounds.short_notice.label')} hint={t('rounds.short_notice.hint')} />
      <TextArea form={form} name="shortNoticeReason" label={t('rounds.short_notice.reason')} maxlength={1000} rows={2} describedBy={errorFor(form, 'shortNotice') ? errorId(form, 'shortNotice') : undefined} />
    </fieldset>
  )
}
