import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { pageErrors } from '../error-summary.tsx'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { Checkbox, checkedIn, PostForm, TextField, type FormProblem, type FormValues } from './form-fields.tsx'

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

/** The ids of the initiative fields by name, for the links of the error summary. */
export function initiativeFieldIds(prefix: string): Record<string, string> {
  return { name: `${prefix}-name`, slug: `${prefix}-slug`, weight: `${prefix}-weight` }
}

/** The fields of an initiative, shared by the create form and the edit page. */
export function InitiativeFields({ ctx, values, problem, creating }: { ctx: PageContext; values?: FormValues | undefined; problem?: FormProblem | null | undefined; creating: boolean }) {
  const { t } = ctx
  const prefix = creating ? 'new-initiative' : 'initiative'
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
      <TextField
        id={`${prefix}-weight`}
        name="weight"
        type="number"
        label={t('admin.field.weight')}
        hint={t('admin.field.weight_hint')}
        values={values}
        problem={problem}
        required
        min={0}
        max={1000}
        step={1}
      />
      <Checkbox id={`${prefix}-active`} name="active" label={t('admin.field.active')} checked={checkedIn(values, 'active')} />
    </>
  )
}

export function InitiativesPage({ ctx, initiatives, values = { weight: '1', active: 'on' }, problem }: InitiativesPageProps) {
  const { t } = ctx
  return (
    <AdminLayout ctx={ctx} section="initiatives" title={t('admin.initiatives.title')} errors={pageErrors(problem, initiativeFieldIds('new-initiative'))}>
      {initiatives.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.col.name')}</th>
                <th scope="col">{t('admin.col.slug')}</th>
                <th scope="col">{t('admin.col.weight')}</th>
                <th scope="col">{t('admin.col.delegates')}</th>
                <th scope="col">{t('admin.col.members')}</th>
                <th scope="col">{t('admin.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((i) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/initiatives/${i.id}`} lang={CONTENT_LOCALE}>{i.name}</a>
                  </th>
                  <td data-label={t('admin.col.slug')}>
                    <code>{i.slug}</code>
                  </td>
                  <td data-label={t('admin.col.weight')}>{i.weight}</td>
                  <td data-label={t('admin.col.delegates')}>{i.delegates}</td>
                  <td data-label={t('admin.col.members')}>{i.members}</td>
                  <td data-label={t('admin.col.status')}>{t(i.active ? 'admin.status.active' : 'admin.status.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="create-initiative">
        <h2 id="create-initiative">{t('admin.initiatives.create')}</h2>
        {problem ? (
          <p class="notice notice-error">
            {problem.message}
          </p>
        ) : null}
        <PostForm action="/admin/initiatives">
          <InitiativeFields ctx={ctx} values={values} problem={problem} creating />
          <div>
            <button type="submit">{t('common.create')}</button>
          </div>
        </PostForm>
      </section>
    </AdminLayout>
  )
}
