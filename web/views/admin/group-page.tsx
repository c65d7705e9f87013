import { CheckboxField } from '../form/field.tsx'
import type { FormProblem, FormValues } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { RowForm, type PersonOption } from './admin-parts.tsx'
import { CollectionDetailPage, entryBase, memberFormView, RemoveMember } from './collection-pages.tsx'
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
  const { ctx, group } = props
  const { t } = ctx
  const base = entryBase('groups', group.id)
  const form = groupForm('group-', props.values, props.problem)
  const memberForm = memberFormView(props, 'new-group-member-', { personId: 'new-group-member', coordinator: 'new-group-member-coordinator' })
  return (
    <CollectionDetailPage
      ctx={ctx}
      collection="groups"
      entry={group}
      links={
        <>
          {' · '}
          <a href={`/groups/${group.slug}`}>{t('admin.groups.page_link')}</a>
        </>
      }
      saved={props.saved ?? false}
      edit={{ form, fields: <GroupFields ctx={ctx} form={form} creating={false} /> }}
      members={props.members}
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
                <RemoveMember ctx={ctx} base={base} member={m} />
              </div>
            )
          },
        },
      ]}
      candidates={props.candidates}
      add={{ form: memberForm, fields: <CheckboxField form={memberForm} name="coordinator" label={t('admin.groups.add_as_coordinator')} /> }}
    />
  )
}
