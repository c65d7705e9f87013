import { pageErrors } from '../error-summary.tsx'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { Checkbox, checkedIn, PostForm, TextField, type FormProblem, type FormValues } from './form-fields.tsx'
import { InviteLink, type InviteLinkInfo } from './invite-link.tsx'

export type GlobalRoleName = 'admin' | 'spokesperson'

export interface PersonItem {
  id: string
  name: string
  email: string
  roles: GlobalRoleName[]
  disabled: boolean
  passwordSet: boolean
  /** Names of the initiatives this person is a delegate of, and of the groups they coordinate. */
  delegateOf: string[]
  coordinatorOf: string[]
}

export interface PeoplePageProps {
  ctx: PageContext
  people: PersonItem[]
  values?: FormValues
  problem?: FormProblem | null
  /** Right after creating someone: who, and their invite link if they got one. */
  created?: { id: string; name: string; invite: InviteLinkInfo | null } | null
}

/** Every role a person holds: global ones, then "Delegierte*r (Initiative)", "Koordination (AG)". */
export function rolesText(ctx: PageContext, person: Pick<PersonItem, 'roles' | 'delegateOf' | 'coordinatorOf'>): string {
  const { t } = ctx
  const roles = [
    ...person.roles.map((r) => t(`admin.role.${r}`)),
    ...person.delegateOf.map((name) => `${t('admin.role.delegate')} (${name})`),
    ...person.coordinatorOf.map((name) => `${t('admin.role.coordinator')} (${name})`),
  ]
  return roles.length ? roles.join(', ') : t('admin.role.none')
}

export function statusLabel(ctx: PageContext, person: Pick<PersonItem, 'disabled' | 'passwordSet'>): string {
  if (person.disabled) return ctx.t('admin.status.disabled')
  return ctx.t(person.passwordSet ? 'admin.status.ok' : 'admin.status.invited')
}

/** The two role checkboxes, named `roles` so the form posts them as a list. */
export function RoleCheckboxes({ ctx, values, idPrefix }: { ctx: PageContext; values?: FormValues | undefined; idPrefix: string }) {
  const { t } = ctx
  return (
    <fieldset>
      <legend>{t('admin.field.roles')}</legend>
      <Checkbox id={`${idPrefix}-spokesperson`} name="roles" value="spokesperson" label={t('admin.role.spokesperson')} checked={checkedIn(values, 'roles', 'spokesperson')} />
      <Checkbox id={`${idPrefix}-admin`} name="roles" value="admin" label={t('admin.role.admin')} checked={checkedIn(values, 'roles', 'admin')} />
    </fieldset>
  )
}

export function PeoplePage({ ctx, people, values, problem, created }: PeoplePageProps) {
  const { t } = ctx
  return (
    <AdminLayout ctx={ctx} section="people" title={t('admin.people.title')} errors={pageErrors(problem, { name: 'new-person-name', email: 'new-person-email' })} success={created && !created.invite ? t('admin.people.created', { name: created.name }) : null}>
      {created?.invite ? (
        <>
          <p role="status">
            {t('admin.people.created', { name: created.name })} <a href={`/admin/people/${created.id}`}>{t('admin.people.edit')}</a>
          </p>
          <InviteLink ctx={ctx} invite={created.invite} />
        </>
      ) : null}
      {people.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.col.name')}</th>
                <th scope="col">{t('admin.col.email')}</th>
                <th scope="col">{t('admin.col.roles')}</th>
                <th scope="col">{t('admin.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/people/${p.id}`}>{p.name}</a>
                  </th>
                  <td data-label={t('admin.col.email')}>{p.email}</td>
                  <td data-label={t('admin.col.roles')}>{rolesText(ctx, p)}</td>
                  <td data-label={t('admin.col.status')}>{statusLabel(ctx, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="create-person">
        <h2 id="create-person">{t('admin.people.create')}</h2>
        <p class="hint">{t('admin.people.create_hint')}</p>
        {problem ? (
          <p class="notice notice-error">
            {problem.message}
          </p>
        ) : null}
        <PostForm action="/admin/people">
          <TextField id="new-person-name" name="name" label={t('admin.field.name')} values={values} problem={problem} required maxlength={200} />
          <TextField id="new-person-email" name="email" type="email" label={t('admin.field.email')} values={values} problem={problem} required maxlength={254} />
          <RoleCheckboxes ctx={ctx} values={values} idPrefix="new-person-role" />
          <div>
            <button type="submit">{t('admin.people.create_submit')}</button>
          </div>
        </PostForm>
      </section>
    </AdminLayout>
  )
}
