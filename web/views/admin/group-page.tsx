import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { CheckboxField } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { AdminTable, FormSection, PersonSelect, RowForm, type PersonOption } from './admin-parts.tsx'
import { GroupFields, groupForm } from './groups-page.tsx'

export interface GroupMemberItem {
  personId: string
  name: string
  coordinator: boolean
}

export interface GroupPageProps {
  ctx: PageContext
  group: { id: string; name: string; slug: string }
  values: FormValues
  problem?: FormProblem | null
  members: GroupMemberItem[]
  candidates: PersonOption[]
  memberValues?: FormValues
  memberProblem?: FormProblem | null
  saved?: boolean
}

export function GroupPage(props: GroupPageProps) {
  const { ctx, group, members, candidates, saved } = props
  const { t } = ctx
  const base = `/admin/groups/${group.id}`
  const form = groupForm('group-', props.values, props.problem)
  const memberForm = formView({
    prefix: 'new-group-member-',
    values: props.memberValues,
    problem: props.memberProblem,
    fields: { personId: 'new-group-member', coordinator: 'new-group-member-coordinator' },
  })
  return (
    <AdminLayout ctx={ctx} section="groups" title={group.name} titleLang={CONTENT_LOCALE} success={saved ? t('common.saved') : null} errors={formErrors(form, memberForm)}>
      <p>
        <a href="/admin/groups">{t('admin.back_to_list')}</a>
        {' · '}
        <a href={`/groups/${group.slug}`}>{t('admin.groups.page_link')}</a>
      </p>
      <FormSection id="edit-group" heading={t('admin.groups.edit')} form={form} action={base} submit={t('common.save')}>
        <GroupFields ctx={ctx} form={form} creating={false} />
      </FormSection>

      <section aria-labelledby="group-members">
        <h2 id="group-members">{t('admin.groups.members')}</h2>
        <p class="hint">{t('admin.groups.members_hint')}</p>
        <AdminTable
          rows={members}
          empty={t('admin.groups.no_members')}
          head={{ label: t('admin.col.name'), cell: (m) => <a href={`/admin/people/${m.personId}`}>{m.name}</a> }}
          columns={[
            { label: t('admin.col.role'), cell: (m) => t(m.coordinator ? 'admin.role.coordinator' : 'admin.role.member') },
            {
              label: t('common.actions'),
              cell: (m) => {
                const toggle = t(m.coordinator ? 'admin.groups.unmake_coordinator' : 'admin.groups.make_coordinator')
                return (
                  <div class="row-actions">
                    <RowForm action={`${base}/members`} label={`${toggle}: ${m.name}`} button={toggle}>
                      <input type="hidden" name="personId" value={m.personId} />
                      {m.coordinator ? null : <input type="hidden" name="coordinator" value="on" />}
                    </RowForm>
                    <RowForm action={`${base}/members/${m.personId}/remove`} class="danger" label={t('admin.remove_member', { name: m.name })} button={t('common.delete')} />
                  </div>
                )
              },
            },
          ]}
        />
        {candidates.length === 0 ? (
          <>
            <h3 id="add-group-member">{t('admin.groups.add_member')}</h3>
            <p>{t('admin.groups.no_candidates')}</p>
          </>
        ) : (
          <FormSection id="add-group-member" level={3} heading={t('admin.groups.add_member')} form={memberForm} action={`${base}/members`} submit={t('admin.groups.add_member')}>
            <PersonSelect form={memberForm} label={t('admin.field.person')} placeholder={t('admin.field.choose_person')} people={candidates} />
            <CheckboxField form={memberForm} name="coordinator" label={t('admin.groups.add_as_coordinator')} />
          </FormSection>
        )}
      </section>
    </AdminLayout>
  )
}
