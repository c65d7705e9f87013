import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { pageErrors } from '../error-summary.tsx'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { PostForm, TextArea, TextField, type FormProblem, type FormValues } from './form-fields.tsx'

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

/** The ids of the group fields by name, for the links of the error summary. */
export function groupFieldIds(prefix: string): Record<string, string> {
  return { name: `${prefix}-name`, slug: `${prefix}-slug`, description: `${prefix}-description` }
}

/** Name, slug and description: the create form and the edit page share them. */
export function GroupFields({ ctx, values, problem, creating }: { ctx: PageContext; values?: FormValues | undefined; problem?: FormProblem | null | undefined; creating: boolean }) {
  const { t } = ctx
  const prefix = creating ? 'new-group' : 'group'
  return (
    <>
      <TextField id={`${prefix}-name`} name="name" label={t('admin.field.name')} values={values} problem={problem} required maxlength={200} />
      <TextField
        id={`${prefix}-slug`}
        name="slug"
        label={t('admin.field.slug')}
        hint={t(creating ? 'admin.field.slug_hint_create' : 'admin.field.slug_hint')}
        values={values}
        problem={problem}
        required={!creating}
        maxlength={80}
      />
      <TextArea id={`${prefix}-description`} name="description" label={t('admin.field.description')} values={values} problem={problem} maxlength={2000} />
    </>
  )
}

export function GroupsPage({ ctx, groups, values, problem }: GroupsPageProps) {
  const { t } = ctx
  return (
    <AdminLayout ctx={ctx} section="groups" title={t('admin.groups.title')} errors={pageErrors(problem, groupFieldIds('new-group'))}>
      {groups.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.col.name')}</th>
                <th scope="col">{t('admin.col.slug')}</th>
                <th scope="col">{t('admin.col.members')}</th>
                <th scope="col">{t('admin.col.coordinators')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/groups/${g.id}`} lang={CONTENT_LOCALE}>{g.name}</a>
                  </th>
                  <td data-label={t('admin.col.slug')}>
                    <code>{g.slug}</code>
                  </td>
                  <td data-label={t('admin.col.members')}>{g.members}</td>
                  <td data-label={t('admin.col.coordinators')}>{g.coordinators}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="create-group">
        <h2 id="create-group">{t('admin.groups.create')}</h2>
        {problem ? (
          <p class="notice notice-error">
            {problem.message}
          </p>
        ) : null}
        <PostForm action="/admin/groups">
          <GroupFields ctx={ctx} values={values} problem={problem} creating />
          <div>
            <button type="submit">{t('common.create')}</button>
          </div>
        </PostForm>
      </section>
    </AdminLayout>
  )
}
