import { translationLanguage } from '../../../shared/translations/languages.ts'
import type { FormProblem, FormValues } from '../admin/form-fields.tsx'
import { pageErrors } from '../error-summary.tsx'
import { ErrorNotice, Layout, type PageContext } from '../layout.tsx'
import { TranslationFields } from './translations-page.tsx'

/** /translations/:id/edit: a new text for a translation (the old one stays in its history). */
export function TranslationEditPage({ ctx, translation, values, problem }: { ctx: PageContext; translation: { id: string; positionId: string; language: string }; values: FormValues; problem?: FormProblem | null | undefined }) {
  const { t, locale } = ctx
  const ids = { title: 'tr-title', summary: 'tr-summary', text: 'tr-text' }
  const name = translationLanguage(translation.language)?.[locale] ?? translation.language
  return (
    <Layout ctx={ctx} title={t('translations.edit_title', { language: name })} errors={pageErrors(problem ?? null, ids)}>
      <p>
        <a href={`/positions/${translation.positionId}/translations`}>{t('translations.page_title')}</a>
      </p>
      <h1>{t('translations.edit_title', { language: name })}</h1>
      <form method="post" action={`/translations/${translation.id}`}>
        <ErrorNotice message={problem?.message} />
        <TranslationFields ctx={ctx} ids={ids} values={values} problem={problem} language={translation.language} />
        <div>
          <button type="submit">{t('translations.save')}</button>
        </div>
      </form>
    </Layout>
  )
}
