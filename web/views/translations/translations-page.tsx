import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { translationLanguage, type TranslationLanguage, languageNameIn } from '../../../shared/translations/languages.ts'
import { FormError, PostForm, SelectField, TextArea, TextField } from '../form/field.tsx'
import { formErrors, formView, valueOf, type FormProblem, type FormValues, type FormView } from '../form/form-view.ts'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'

export interface TranslationItem {
  id: string
  language: string
  title: string
  status: 'draft' | 'published' | 'withdrawn'
  revisions: number
  publicUrl: string | null
  canEdit: boolean
}

export interface TranslationsPageProps {
  ctx: PageContext
  position: { id: string; title: string; versionNumber: number; publicUrl: string }
  translations: TranslationItem[]
  /** Languages the viewer may add (and that have no translation yet). */
  addable: TranslationLanguage[]
  canPublish: boolean
  values?: FormValues | undefined
  problem?: FormProblem | null | undefined
  notice?: string | null | undefined
  /** A refused withdrawal: which translation, why, and what was entered. */
  withdrawRefused?: { id: string; problem: FormProblem; values: FormValues } | undefined
}

/** /positions/:id/translations: the translations of a published position, and a form to add one. */
export function TranslationsPage({ ctx, position, translations, addable, canPublish, values, problem, notice, withdrawRefused }: TranslationsPageProps) {
  const { t, locale } = ctx
  const form = formView({ prefix: 'tr-', values, problem, fields: { language: 'tr-language', ...TRANSLATION_FIELDS } })
  const withdrawForm = (id: string) =>
    formView({ prefix: `withdraw-${id}-`, ...(withdrawRefused?.id === id ? withdrawRefused : {}), fields: { reason: `withdraw-${id}` } })
  return (
    <Layout
      ctx={ctx}
      title={t('translations.page_title')}
      errors={formErrors(form, withdrawRefused ? withdrawForm(withdrawRefused.id) : null)}
      scripts={addable.length > 0 ? [TRANSLATION_EDITOR_SCRIPT] : []}
      head={addable.length > 0 ? <TranslationEditorStyles /> : null}
    >
      <p>
        <a href={`/positions/${position.id}`} lang={CONTENT_LOCALE}>
          {position.title}
        </a>
      </p>
      <h1>{t('translations.page_title')}</h1>
      <SuccessNotice message={notice} />
      <p>{t('translations.intro', { n: position.versionNumber })}</p>
      {translations.length === 0 ? (
        <p class="muted">{t('translations.none')}</p>
      ) : (
        <ul class="card-list">
          {translations.map((tr) => {
            const lang = translationLanguage(tr.language)
            return (
              <li class="card">
                <h2 class="public-card-title">
                  <span lang={tr.language} dir={lang?.dir}>
                    {tr.title}
                  </span>
                </h2>
                <p class="public-card-meta">
                  {lang ? languageNameIn(lang, locale) : tr.language} · {t(`translations.status.${tr.status}`)} · {t('translations.history', { n: tr.revisions })}
                </p>
                <p>
                  {tr.canEdit ? <a href={`/translations/${tr.id}/edit`}>{t('translations.edit')}</a> : null}
                  {tr.publicUrl && tr.status === 'published' ? (
                    <>
                      {' · '}
                      <a href={tr.publicUrl}>{t('translations.view_public')}</a>
                    </>
                  ) : null}
                </p>
                {canPublish && tr.status !== 'published' ? (
                  <form method="post" action={`/translations/${tr.id}/publish`}>
                    <button type="submit">{t('translations.publish')}</button>
                  </form>
                ) : null}
                {canPublish && tr.status === 'published' ? (
                  <PostForm action={`/translations/${tr.id}/withdraw`}>
                    <TextField form={withdrawForm(tr.id)} id={`withdraw-${tr.id}`} name="reason" label={t('translations.withdraw_reason')} required maxlength={1000} />
                    <button type="submit" class="danger">
                      {t('translations.withdraw')}
                    </button>
                  </PostForm>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
      {addable.length > 0 ? (
        <section aria-labelledby="new-translation">
          <h2 id="new-translation">{t('translations.new_title')}</h2>
          <PostForm action={`/positions/${position.id}/translations`}>
            <FormError form={form} />
            <SelectField form={form} name="language" label={t('translations.field.language')} required options={addable.map((l) => ({ value: l.code, label: `${languageNameIn(l, locale)} – ${l.native}` }))} />
            <TranslationFields ctx={ctx} form={form} />
            <div>
              <button type="submit">{t('translations.add')}</button>
            </div>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  )
}

/** The ids of a translation's fields, the same on the add and the edit page. */
export const TRANSLATION_FIELDS = { title: 'tr-title', summary: 'tr-summary', text: 'tr-text' }

/** The editor of a translation's text (web/scripts/translation-editor.ts) and its styles. */
export const TRANSLATION_EDITOR_SCRIPT = '/assets/translation-editor.js'
export function TranslationEditorStyles() {
  return <link rel="stylesheet" href="/assets/editor.css" />
}

/**
 * Title, summary and text of a translation. With its language known (the edit page) the fields
 * carry that language and direction; while it is still to be chosen, what is typed takes its
 * direction from its first letters. The text is a plain text area; the page's script puts the
 * editor in its place (with `content`, the document as ProseMirror JSON, from the stored text or
 * a refused post) and sets the editor's language and direction from `language` or the language
 * chosen in the form.
 */
export function TranslationFields({ ctx, form, language }: { ctx: PageContext; form: FormView; language?: { code: string; dir: 'ltr' | 'rtl' } | undefined }) {
  const { t } = ctx
  const lang = language?.code
  const dir = language?.dir ?? 'auto'
  return (
    <div>
      <TextField form={form} name="title" label={t('translations.field.title')} required maxlength={300} dir={dir} lang={lang} />
      <TextArea form={form} name="summary" label={t('translations.field.summary')} maxlength={1000} dir={dir} lang={lang} />
      <div data-translation-text data-content={valueOf(form.values, 'content') || undefined} data-language={lang} data-editor-hint={t('translations.hint.editor')}>
        <TextArea form={form} name="text" label={t('translations.field.text')} hint={t('translations.hint.text')} rows={16} maxlength={200000} required dir={dir} lang={lang} />
      </div>
    </div>
  )
}
