import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { translationLanguage, type TranslationLanguage } from '../../../shared/translations/languages.ts'
import { TextArea, TextField, valueOf, type FormProblem, type FormValues } from '../admin/form-fields.tsx'
import { pageErrors } from '../error-summary.tsx'
import { ErrorNotice, Layout, SuccessNotice, type PageContext } from '../layout.tsx'

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
}

/** /positions/:id/translations: the translations of a published position, and a form to add one. */
export function TranslationsPage({ ctx, position, translations, addable, canPublish, values, problem, notice }: TranslationsPageProps) {
  const { t, locale } = ctx
  const ids = { language: 'tr-language', title: 'tr-title', summary: 'tr-summary', text: 'tr-text' }
  return (
    <Layout ctx={ctx} title={t('translations.page_title')} errors={pageErrors(problem ?? null, ids)}>
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
                  {lang?.[locale] ?? tr.language} · {t(`translations.status.${tr.status}`)} · {t('translations.history', { n: tr.revisions })}
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
                  <form method="post" action={`/translations/${tr.id}/withdraw`}>
                    <div class="field">
                      <label for={`withdraw-${tr.id}`}>{t('translations.withdraw_reason')}</label>
                      <input id={`withdraw-${tr.id}`} name="reason" required maxlength={1000} />
                    </div>
                    <button type="submit" class="danger">
                      {t('translations.withdraw')}
                    </button>
                  </form>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
      {addable.length > 0 ? (
        <section aria-labelledby="new-translation">
          <h2 id="new-translation">{t('translations.new_title')}</h2>
          <form method="post" action={`/positions/${position.id}/translations`}>
            <ErrorNotice message={problem?.message} />
            <div class="field">
              <label for={ids.language}>{t('translations.field.language')}</label>
              <select id={ids.language} name="language" required aria-invalid={problem?.field === 'language' ? 'true' : undefined}>
                {addable.map((l) => (
                  <option value={l.code} selected={valueOf(values, 'language') === l.code}>
                    {`${l[locale]} – ${l.native}`}
                  </option>
                ))}
              </select>
            </div>
            <TranslationFields ctx={ctx} ids={ids} values={values} problem={problem} />
            <div>
              <button type="submit">{t('translations.add')}</button>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  )
}

/** Title, summary and text of a translation, written in its language and direction. */
export function TranslationFields({ ctx, ids, values, problem, language }: { ctx: PageContext; ids: { title: string; summary: string; text: string }; values?: FormValues | undefined; problem?: FormProblem | null | undefined; language?: string }) {
  const { t } = ctx
  // The labels stay in the interface language; what is typed takes its direction from its first letters.
  void language
  return (
    <div>
      <TextField id={ids.title} name="title" label={t('translations.field.title')} values={values} problem={problem} required maxlength={300} />
      <TextArea id={ids.summary} name="summary" label={t('translations.field.summary')} values={values} problem={problem} maxlength={1000} />
      <div class="field">
        <label for={ids.text}>{t('translations.field.text')}</label>
        <p class="hint" id={`${ids.text}-hint`}>
          {t('translations.hint.text')}
        </p>
        <textarea id={ids.text} name="text" rows={16} maxlength={200000} required dir="auto" aria-describedby={`${ids.text}-hint`} aria-invalid={problem?.field === 'text' ? 'true' : undefined}>
          {valueOf(values, 'text')}
        </textarea>
      </div>
    </div>
  )
}
