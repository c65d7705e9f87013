import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { CheckboxField, TextField } from '../form/field.tsx'
import { formView, type FormProblem, type FormValues, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { CollectionListPage } from './collection-pages.tsx'

export interface InitiativeItem {
  id: string
  name: string
  slug: string
  weight: number
  active: boolean
  delegates: number
  members: number
}

export interface InitiativesPageProps {
  ctx: PageContext
  initiatives: InitiativeItem[]
  /** The create form after a refused submission. */
  values?: FormValues
  problem?: FormProblem | null
}

/** The initiative form: "new-initiative-" on the list page, "initiative-" on the edit page. */
export function initiativeForm(prefix: 'new-initiative-' | 'initiative-', values: FormValues | undefined, problem: FormProblem | null | undefined): FormView {
  const fields = { name: `${prefix}name`, slug: `${prefix}slug`, weight: `${prefix}weight`, active: `${prefix}active` }
  return formView({ prefix, values, problem, fields })
}

/** The fields of an initiative, shared by the create form and the edit page. */
export function InitiativeFields({ ctx, form, creating }: { ctx: PageContext; form: FormView; creating: boolean }) {
  const { t } = ctx
  return (
    <>
      <TextField form={form} name="name" label={t('admin.field.name')} required maxlength={200} lang={CONTENT_LOCALE} />
      <TextField form={form} name="slug" label={t('admin.field.slug')} hint={t(creating ? 'admin.field.slug_hint_create' : 'admin.field.slug_hint')} required={!creating} maxlength={80} />
      <TextField form={form} name="weight" type="number" label={t('admin.field.weight')} hint={t('admin.field.weight_hint')} required min={0} max={1000} step={1} />
      <CheckboxField form={form} name="active" label={t('admin.field.active')} />
    </>
  )
}

export function InitiativesPage({ ctx, initiatives, values = { weight: '1', active: 'on' }, problem }: InitiativesPageProps) {
  const { t } = ctx
  const form = initiativeForm('new-initiative-', values, problem)
  return (
    <CollectionListPage
      ctx={ctx}
      collection="initiatives"
      rows={initiatives}
      columns={[
        { label: t('admin.col.slug'), cell: (i) => <code>{i.slug}</code> },
        { label: t('admin.col.weight'), cell: (i) => i.weight },
        { label: t('admin.col.delegates'), cell: (i) => i.delegates },
        { label: t('admin.col.members'), cell: (i) => i.members },
        { label: t('admin.col.status'), cell: (i) => t(i.active ? 'admin.status.active' : 'admin.status.inactive') },
      ]}
      create={{ form, fields: <InitiativeFields ctx={ctx} form={form} creating /> }}
    />
  )
}
