import { raw } from 'hono/html'
import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { FormError, PostForm, SelectField, TextArea, TextField } from '../form/field.tsx'
import { valueOf, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'

/** The page's script that lets a passage be selected in the text (web/scripts/amendments.ts). */
export const AMENDMENTS_SCRIPT = '/assets/amendments.js'

/** The version whose text the propose form shows, to select (or copy) the passage from. */
export interface ProposeText {
  number: number
  html: string
  /** The version's ProseMirror JSON: the script counts positions and cuts the passage from it. */
  content: string
}

/**
 * The form to propose an amendment, under the text of one version. Without JavaScript the
 * passage is copied into "Stelle" and the replacement typed as plain text. The script makes the
 * text selectable (mouse, touch, keyboard), takes the selected passage as positions (`from`,
 * `to`) into the form, and puts an editor in place of the text area that starts with the passage
 * and posts its document as `content`. A refused post comes back with both, for the script to
 * take up again.
 */
export function ProposeAmendmentForm({ ctx, form, positionId, versions, text }: { ctx: PageContext; form: FormView; positionId: string; versions: number[]; text: ProposeText }) {
  const { t } = ctx
  const others = versions.filter((n) => n !== text.number)
  const refusedPassage = form.problem?.field === 'quote'
  return (
    <>
      <h3 id="amend-text-heading">{t('amendments.select.text_heading', { n: text.number })}</h3>
      {others.length ? (
        <p class="hint">
          {t('amendments.select.other_versions')}{' '}
          {others.map((n, i) => (
            <>
              {i > 0 ? ' · ' : null}
              <a href={`/positions/${positionId}/amendments?version=${n}#amend-heading`}>{t('versions.item', { n })}</a>
            </>
          ))}
        </p>
      ) : null}
      <p class="hint" data-amend-no-js>
        {t('amendments.select.no_js_hint')}
      </p>
      <div
        class="frozen-text prose"
        lang={CONTENT_LOCALE}
        data-amend-text
        data-version={String(text.number)}
        data-doc={text.content}
        data-label={t('amendments.select.label', { n: text.number })}
        data-hint={t('amendments.select.hint')}
        data-keys={t('amendments.select.keys')}
        data-button={t('amendments.select.button')}
        data-selected={t('amendments.select.selected')}
        data-select-first={t('amendments.select.select_first')}
      >
        {raw(text.html)}
      </div>
      <FormError form={form} />
      <PostForm action={`/positions/${positionId}/amendments`}>
        <div
          data-amend-form
          data-from={refusedPassage ? undefined : valueOf(form.values, 'from') || undefined}
          data-to={refusedPassage ? undefined : valueOf(form.values, 'to') || undefined}
          data-taken={t('amendments.select.taken')}
          data-cleared={t('amendments.select.cleared')}
        >
          <SelectField
            form={form}
            name="versionNumber"
            label={t('amendments.field.version')}
            options={[...versions].reverse().map((n) => ({ value: String(n), label: String(n) }))}
            selected={valueOf(form.values, 'versionNumber') || String(text.number)}
          />
          <div class="field amend-passage" data-amend-passage hidden>
            <p class="label" id="amend-passage-label">
              {t('amendments.select.passage', { n: text.number })}
            </p>
            <blockquote class="prose" lang={CONTENT_LOCALE} aria-labelledby="amend-passage-label" data-passage-quote></blockquote>
            <input type="hidden" name="from" disabled data-passage-from />
            <input type="hidden" name="to" disabled data-passage-to />
            <button type="button" class="secondary" data-passage-change>
              {t('amendments.select.change')}
            </button>
          </div>
          <div data-amend-quote>
            <TextField form={form} name="quote" label={t('amendments.field.quote')} hint={t('amendments.field.quote_hint')} maxlength={20000} />
          </div>
          <div
            data-amend-replacement
            data-content={valueOf(form.values, 'content') || undefined}
            data-editor-hint={t('amendments.select.editor_hint_start')}
            data-editor-hint-taken={t('amendments.select.editor_hint')}
            data-will-delete={t('amendments.select.will_delete')}
            data-will-replace={t('amendments.select.will_replace')}
          >
            <TextArea form={form} name="text" label={t('amendments.field.text')} hint={t('amendments.field.text_hint')} maxlength={20000} rows={4} />
          </div>
          <TextArea form={form} name="reason" label={t('amendments.field.reason')} required maxlength={5000} rows={3} />
          <button type="submit">{t('amendments.submit')}</button>
        </div>
      </PostForm>
    </>
  )
}
