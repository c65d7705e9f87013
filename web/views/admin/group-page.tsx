import { pageErrors } from '../error-summary.tsx'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { Checkbox, checkedIn, PersonSelect, PostForm, type FormProblem, type FormValues, type PersonOption } from './form-fields.tsx'
import { GroupFields, groupFieldIds } from './groups-page.tsx'

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
  const { ctx, group, values, problem, members, candidates, memberValues, memberProblem, saved } = props
  const { t } = ctx
  const base = `/admin/groups/${group.id}`
  return (
    <AdminLayout ctx={ctx} section="groups" title={group.name} success={saved ? t('common.saved') : null}
      errors={[...pageErrors(problem, groupFieldIds('group')), ...pageErrors(memberProblem, { personId: 'new-group-member' })]}>
      <p>
        <a href="/admin/groups">{t('admin.back_to_list')}</a>
        {' · '}
        <a href={`/groups/${group.slug}`}>{t('admin.groups.page_link')}</a>
      </p>
      <section aria-labelledby="edit-group">
        <h2 id="edit-group">{t('admin.groups.edit')}</h2>
        {problem ? (
          <p class="notice notice-error">
            {problem.message}
          </p>
        ) : null}
        <PostForm action={base}>
          <GroupFields ctx={ctx} values={values} problem={problem} creating={false} />
          <div>
            <button type="submit">{t('common.save')}</button>
          </div>
        </PostForm>
      </section>

      <section aria-labelledby="group-members">
        <h2 id="group-members">{t('admin.groups.members')}</h2>
        <p class="hint">{t('admin.groups.members_hint')}</p>
        {members.length === 0 ? (
          <p>{t('admin.groups.no_members')}</p>
        ) : (
          <div class="table-wrap">
            <table class="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.col.name')}</th>
                  <th scope="col">{t('admin.col.role')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/people/${m.personId}`}>{m.name}</a>
                    </th>
                    <td data-label={t('admin.col.role')}>{t(m.coordinator ? 'admin.role.coordinator' : 'admin.role.member')}</td>
                    <td data-label={t('common.actions')}>
                      <div class="row-actions">
                        <PostForm action={`${base}/members`} class="row-form">
                          <input type="hidden" name="personId" value={m.personId} />
                          {m.coordinator ? null : <input type="hidden" name="coordinator" value="on" />}
                          <button type="submit" class="secondary" aria-label={`${t(m.coordinator ? 'admin.groups.unmake_coordinator' : 'admin.groups.make_coordinator')}: ${m.name}`}>
                            {t(m.coordinator ? 'admin.groups.unmake_coordinator' : 'admin.groups.make_coordinator')}
                          </button>
                        </PostForm>
                        <PostForm action={`${base}/members/${m.personId}/remove`} class="row-form">
                          <button type="submit" class="danger" aria-label={t('admin.remove_member', { name: m.name })}>
                            {t('common.delete')}
                          </button>
                        </PostForm>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3>{t('admin.groups.add_member')}</h3>
        {memberProblem ? (
          <p class="notice notice-error">
            {memberProblem.message}
          </p>
        ) : null}
        {candidates.length === 0 ? (
          <p>{t('admin.groups.no_candidates')}</p>
        ) : (
          <PostForm action={`${base}/members`}>
            <PersonSelect
              id="new-group-member"
              label={t('admin.field.person')}
              placeholder={t('admin.field.choose_person')}
              people={candidates}
              selected={typeof memberValues?.personId === 'string' ? memberValues.personId : undefined}
              invalid={memberProblem?.field === 'personId'}
            />
            <Checkbox id="new-group-member-coordinator" name="coordinator" label={t('admin.groups.add_as_coordinator')} checked={checkedIn(memberValues, 'coordinator')} />
            <div>
              <button type="submit">{t('admin.groups.add_member')}</button>
            </div>
          </PostForm>
        )}
      </section>
    </AdminLayout>
  )
}
