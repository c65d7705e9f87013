import { translationLanguage, languageNameIn } from '../../../shared/translations/languages.ts'
import { FormError, PostForm } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import { Layout, type PageContext } from '../layout.tsx'
import { TRANSLATION_EDITOR_SCRIPT, TRANSLATION_FIELDS, TranslationEditorStyles, TranslationFields } from './translations-page.tsx'

/** /translations/:id/edit: a new text for a translation (the old one stays in its history). */
export function TranslationEditPage({ ctx, translation, values, problem }: { ctx: PageContext; translation: { id: string; positionId: string; language: string }; values: FormValues; problem?: FormProblem | null | undefined }) {
  const { t, locale } = ctx
  const form = formView({ prefix: 'tr-', values, problem, fields: TRANSLATION_FIELDS })
  const language = translationLanguage(translation.language)
  const name = (language ? languageNameIn(language, locale) : translation.language)
  return (
    <Layout ctx={ctx} title={t('translations.edit_title', { language: name })} errors={formErrors(form)} scripts={[TRANSLATION_EDITOR_SCRIPT]} head={<TranslationEditorStyles />}>
      <p>
        <a href={`/positions/${translation.positionId}/translations`}>{t('translations.page_title')}</a>
      </p>
      <h1>{t('translations.edit_title', { language: name })}</h1>
      <PostForm action={`/translations/${translation.id}`}>
        <FormError form={form} />
        <TranslationFields ctx={ctx} form={form} language={{ code: translation.language, dir: language?.dir ?? 'ltr' }} />
        <div>
          <button type="submit">{t('translations.save')}</button>
        </div>
      </PostForm>
    </Layout>
  )
}
