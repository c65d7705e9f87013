import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { SelectField } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { AdminTable, FormSection, PersonSelect, RowForm, type PersonOption } from './admin-parts.tsx'
import { InitiativeFields, initiativeForm } from './initiatives-page.tsx'

export type InitiativeRoleName = 'delegate' | 'member'

export interface InitiativeMemberItem {
  personId: string
  name: string
  email: string
  role: InitiativeRoleName
  disabled: boolean
}

export interface InitiativePageProps {
  ctx: PageContext
  initiative: { id: string; name: string }
  /** The edit form's values: the stored ones, or what was entered when refused. */
  values: FormValues
  problem?: FormProblem | null
  members: InitiativeMemberItem[]
  /** People who can still be added. */
  candidates: PersonOption[]
  memberValues?: FormValues
  memberProblem?: FormProblem | null
  saved?: boolean
}

const ROLES = ['delegate', 'member'] as const

export function InitiativePage(props: InitiativePageProps) {
  const { ctx, initiative, members, candidates, saved } = props
  const { t } = ctx
  const base = `/admin/initiatives/${initiative.id}`
  const form = initiativeForm('initiative-', props.values, props.problem)
  const memberForm = formView({
    prefix: 'new-member-',
    values: props.memberValues ?? { role: 'delegate' },
    problem: props.memberProblem,
    fields: { personId: 'new-member-person', role: 'new-member-role' },
  })
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`admin.role.${role}`) }))
  return (
    <AdminLayout ctx={ctx} section="initiatives" title={initiative.name} titleLang={CONTENT_LOCALE} success={saved ? t('common.saved') : null} errors={formErrors(form, memberForm)}>
      <p>
        <a href="/admin/initiatives">{t('admin.back_to_list')}</a>
      </p>
      <FormSection id="edit-initiative" heading={t('admin.initiatives.edit')} form={form} action={base} submit={t('common.save')}>
        <InitiativeFields ctx={ctx} form={form} creating={false} />
      </FormSection>

      <section aria-labelledby="initiative-members">
        <h2 id="initiative-members">{t('admin.initiatives.members')}</h2>
        <p class="hint">{t('admin.initiatives.members_hint')}</p>
        <AdminTable
          rows={members}
          empty={t('admin.initiatives.no_members')}
          head={{
            label: t('admin.col.name'),
            cell: (m) => (
              <>
                <a href={`/admin/people/${m.personId}`}>{m.name}</a>
                {m.disabled ? <span class="badge">{` ${t('admin.status.disabled')}`}</span> : null}
              </>
            ),
          }}
          columns={[
            {
              label: t('admin.col.role'),
              cell: (m) => {
                // Each row's role form is its own form; its select is named for the person.
                const row = formView({ prefix: `role-${m.personId}-`, values: { role: m.role }, fields: { role: `role-${m.personId}` } })
                return (
                  <RowForm action={`${base}/members`} label={`${t('admin.initiatives.change_role')}: ${m.name}`} button={t('admin.initiatives.change_role')}>
                    <input type="hidden" name="personId" value={m.personId} />
                    <SelectField form={row} name="role" label={`${t('admin.field.role')}: ${m.name}`} hideLabel options={roleOptions} />
                  </RowForm>
                )
              },
            },
            {
              label: t('common.actions'),
              cell: (m) => (
                <RowForm action={`${base}/members/${m.personId}/remove`} class="danger" label={t('admin.remove_member', { name: m.name })} button={t('common.delete')} />
              ),
            },
          ]}
        />
        {candidates.length === 0 ? (
          <>
            <h3 id="add-initiative-member">{t('admin.initiatives.add_member')}</h3>
            <p>{t('admin.initiatives.no_candidates')}</p>
          </>
        ) : (
          <FormSection id="add-initiative-member" level={3} heading={t('admin.initiatives.add_member')} form={memberForm} action={`${base}/members`} submit={t('admin.initiatives.add_member')}>
            <PersonSelect form={memberForm} label={t('admin.field.person')} placeholder={t('admin.field.choose_person')} people={candidates} />
            <SelectField form={memberForm} name="role" label={t('admin.field.role')} options={roleOptions} />
          </FormSection>
        )}
      </section>
    </AdminLayout>
  )
}
