import { pageErrors } from '../error-summary.tsx'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { PersonSelect, PostForm, type FormProblem, type FormValues, type PersonOption } from './form-fields.tsx'
import { InitiativeFields, initiativeFieldIds } from './initiatives-page.tsx'

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

function RoleSelect({ ctx, id, selected }: { ctx: PageContext; id: string; selected: InitiativeRoleName }) {
  const { t } = ctx
  return (
    <select id={id} name="role">
      {(['delegate', 'member'] as const).map((role) => (
        <option value={role} selected={role === selected}>
          {t(`admin.role.${role}`)}
        </option>
      ))}
    </select>
  )
}

export function InitiativePage(props: InitiativePageProps) {
  const { ctx, initiative, values, problem, members, candidates, memberValues, memberProblem, saved } = props
  const { t } = ctx
  const base = `/admin/initiatives/${initiative.id}`
  return (
    <AdminLayout ctx={ctx} section="initiatives" title={initiative.name} success={saved ? t('common.saved') : null}
      errors={[...pageErrors(problem, initiativeFieldIds('initiative')), ...pageErrors(memberProblem, { personId: 'new-member-person' })]}>
      <p>
        <a href="/admin/initiatives">{t('admin.back_to_list')}</a>
      </p>
      <section aria-labelledby="edit-initiative">
        <h2 id="edit-initiative">{t('admin.initiatives.edit')}</h2>
        {problem ? (
          <p class="notice notice-error">
            {problem.message}
          </p>
        ) : null}
        <PostForm action={base}>
          <InitiativeFields ctx={ctx} values={values} problem={problem} creating={false} />
          <div>
            <button type="submit">{t('common.save')}</button>
          </div>
        </PostForm>
      </section>

      <section aria-labelledby="initiative-members">
        <h2 id="initiative-members">{t('admin.initiatives.members')}</h2>
        <p class="hint">{t('admin.initiatives.members_hint')}</p>
        {members.length === 0 ? (
          <p>{t('admin.initiatives.no_members')}</p>
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
                      {m.disabled ? <span class="badge">{` ${t('admin.status.disabled')}`}</span> : null}
                    </th>
                    <td data-label={t('admin.col.role')}>
                      <PostForm action={`${base}/members`} class="row-form">
                        <input type="hidden" name="personId" value={m.personId} />
                        <label class="visually-hidden" for={`role-${m.personId}`}>
                          {`${t('admin.field.role')}: ${m.name}`}
                        </label>
                        <RoleSelect ctx={ctx} id={`role-${m.personId}`} selected={m.role} />
                        <button type="submit" class="secondary" aria-label={`${t('admin.initiatives.change_role')}: ${m.name}`}>
                          {t('admin.initiatives.change_role')}
                        </button>
                      </PostForm>
                    </td>
                    <td>
                      <PostForm action={`${base}/members/${m.personId}/remove`} class="row-form">
                        <button type="submit" class="danger" aria-label={t('admin.remove_member', { name: m.name })}>
                          {t('common.delete')}
                        </button>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3 id="add-initiative-member">{t('admin.initiatives.add_member')}</h3>
        {memberProblem ? (
          <p class="notice notice-error">
            {memberProblem.message}
          </p>
        ) : null}
        {candidates.length === 0 ? (
          <p>{t('admin.initiatives.no_candidates')}</p>
        ) : (
          <PostForm action={`${base}/members`}>
            <PersonSelect
              id="new-member-person"
              label={t('admin.field.person')}
              placeholder={t('admin.field.choose_person')}
              people={candidates}
              selected={typeof memberValues?.personId === 'string' ? memberValues.personId : undefined}
              invalid={memberProblem?.field === 'personId'}
            />
            <div class="field">
              <label for="new-member-role">{t('admin.field.role')}</label>
              <RoleSelect ctx={ctx} id="new-member-role" selected={memberValues?.role === 'member' ? 'member' : 'delegate'} />
            </div>
            <div>
              <button type="submit">{t('admin.initiatives.add_member')}</button>
            </div>
          </PostForm>
        )}
      </section>
    </AdminLayout>
  )
}
