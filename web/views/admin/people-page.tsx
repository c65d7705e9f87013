import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { ChoiceGroup, TextField } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { AdminTable, FormSection } from './admin-parts.tsx'
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
export function rolesText(ctx: PageContext, person: Pick<PersonItem, 'roles' | 'delegateOf' | 'coordinatorOf'>) {
  const { t } = ctx
  // The names of initiatives and groups are content (German), the role words the interface's.
  const of = (role: string, name: string) => (
    <>
      {role} (<span lang={CONTENT_LOCALE}>{name}</span>)
    </>
  )
  const roles = [
    ...person.roles.map((r) => <>{t(`admin.role.${r}`)}</>),
    ...person.delegateOf.map((name) => of(t('admin.role.delegate'), name)),
    ...person.coordinatorOf.map((name) => of(t('admin.role.coordinator'), name)),
  ]
  return roles.length ? <>{roles.map((role, i) => (i === 0 ? role : [', ', role]))}</> : <>{t('admin.role.none')}</>
}

export function statusLabel(ctx: PageContext, person: Pick<PersonItem, 'disabled' | 'passwordSet'>): string {
  if (person.disabled) return ctx.t('admin.status.disabled')
  return ctx.t(person.passwordSet ? 'admin.status.ok' : 'admin.status.invited')
}

/** The person form: "new-person-" on the list page, "person-" on the edit page. */
export function personForm(prefix: 'new-person-' | 'person-', values: FormValues | undefined, problem: FormProblem | null | undefined): FormView {
  const fields = { name: `${prefix}name`, email: `${prefix}email`, roles: `${prefix}role-spokesperson`, disabled: `${prefix}disabled` }
  return formView({ prefix, values, problem, fields })
}

/** Name, e-mail and the two global roles (checkboxes named `roles`, posted as a list). */
export function PersonFields({ ctx, form }: { ctx: PageContext; form: FormView }) {
  const { t } = ctx
  const roles = (['spokesperson', 'admin'] as const).map((role) => ({ value: role, label: t(`admin.role.${role}`), id: `${form.prefix}role-${role}` }))
  return (
    <>
      <TextField form={form} name="name" label={t('admin.field.name')} required maxlength={200} />
      <TextField form={form} name="email" type="email" label={t('admin.field.email')} required maxlength={254} />
      <ChoiceGroup form={form} name="roles" type="checkbox" legend={t('admin.field.roles')} choices={roles} />
    </>
  )
}

export function PeoplePage({ ctx, people, values, problem, created }: PeoplePageProps) {
  const { t } = ctx
  const form = personForm('new-person-', values, problem)
  return (
    <AdminLayout ctx={ctx} section="people" title={t('admin.people.title')} errors={formErrors(form)} success={created && !created.invite ? t('admin.people.created', { name: created.name }) : null}>
      {created?.invite ? (
        <>
          <p role="status">
            {t('admin.people.created', { name: created.name })} <a href={`/admin/people/${created.id}`}>{t('admin.people.edit')}</a>
          </p>
          <InviteLink ctx={ctx} invite={created.invite} />
        </>
      ) : null}
      <AdminTable
        rows={people}
        empty={t('common.none')}
        head={{ label: t('admin.col.name'), cell: (p) => <a href={`/admin/people/${p.id}`}>{p.name}</a> }}
        columns={[
          { label: t('admin.col.email'), cell: (p) => p.email },
          { label: t('admin.col.roles'), cell: (p) => rolesText(ctx, p) },
          { label: t('admin.col.status'), cell: (p) => statusLabel(ctx, p) },
        ]}
      />
      <FormSection id="create-person" heading={t('admin.people.create')} hint={t('admin.people.create_hint')} form={form} action="/admin/people" submit={t('admin.people.create_submit')}>
        <PersonFields ctx={ctx} form={form} />
      </FormSection>
    </AdminLayout>
  )
}
