import { TRANSLATION_LANGUAGES, languageNameIn } from '../../../shared/translations/languages.ts'
import { ChoiceGroup } from '../form/field.tsx'
import { formView, type FormProblem, type FormValues, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { FormSection } from './admin-parts.tsx'

/** The translator form of a person page: its values are the languages (checkboxes named `languages`). */
export function translatorForm(values: FormValues, problem?: FormProblem | null): FormView {
  const first = TRANSLATION_LANGUAGES[0]!.code
  return formView({ prefix: 'translator-', values, problem, fields: { languages: `translator-languages-${first}` } })
}

/**
 * The translator role, given per language: one checkbox per language a position can be
 * translated into, named in the interface language and in itself (so the admin finds it either way).
 */
export function TranslatorSection({ ctx, form, action }: { ctx: PageContext; form: FormView; action: string }) {
  const { t, locale } = ctx
  const choices = TRANSLATION_LANGUAGES.map((l) => ({
    value: l.code,
    label:
      l.native === languageNameIn(l, locale) ? (
        languageNameIn(l, locale)
      ) : (
        <>
          {languageNameIn(l, locale)} · <span lang={l.code} dir={l.dir}>{l.native}</span>
        </>
      ),
  }))
  return (
    <FormSection id="translator" heading={t('translations.translator.heading')} form={form} action={action} submit={t('translations.translator.submit')}>
      <ChoiceGroup form={form} name="languages" type="checkbox" legend={t('translations.translator.legend')} hint={t('translations.translator.hint')} choices={choices} />
    </FormSection>
  )
}
