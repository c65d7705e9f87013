import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { TextArea, TextField } from '../form/field.tsx'
import { formView, type FormProblem, type FormValues, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { CollectionListPage } from './collection-pages.tsx'

export interface GroupItem {
  id: string
  name: string
  slug: string
  members: number
  coordinators: number
}

export interface GroupsPageProps {
  ctx: PageContext
  groups: GroupItem[]
  values?: FormValues
  problem?: FormProblem | null
}

/** The group form: "new-group-" on the list page, "group-" on the edit page. */
export function groupForm(prefix: 'new-group-' | 'group-', values: FormValues | undefined, problem: FormProblem | null | undefined): FormView {
  const fields = { name: `${prefix}name`, slug: `${prefix}slug`, description: `${prefix}description` }
  return formView({ prefix, values, problem, fields })
}

/** Name, slug and description: the create form and the edit page share them. */
export function GroupFields({ ctx, form, creating }: { ctx: PageContext; form: FormView; creating: boolean }) {
  const { t } = ctx
  return (
    <>
      <TextField form={form} name="name" label={t('admin.field.name')} required maxlength={200} lang={CONTENT_LOCALE} />
      <TextField form={form} name="slug" label={t('admin.field.slug')} hint={t(creating ? 'admin.field.slug_hint_create' : 'admin.field.slug_hint')} required={!creating} maxlength={80} />
      <TextArea form={form} name="description" label={t('admin.field.description')} maxlength={2000} lang={CONTENT_LOCALE} />
    </>
  )
}

export function GroupsPage({ ctx, groups, values, problem }: GroupsPageProps) {
  const { t } = ctx
  const form = groupForm('new-group-', values, problem)
  return (
    <CollectionListPage
      ctx={ctx}
      collection="groups"
      rows={groups}
      columns={[
        { label: t('admin.col.slug'), cell: (g) => <code>{g.slug}</code> },
        { label: t('admin.col.members'), cell: (g) => g.members },
        { label: t('admin.col.coordinators'), cell: (g) => g.coordinators },
      ]}
      create={{ form, fields: <GroupFields ctx={ctx} form={form} creating /> }}
    />
  )
}
