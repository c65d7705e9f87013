import { SelectField } from '../form/field.tsx'
import { formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { RowForm, type PersonOption } from './admin-parts.tsx'
import { CollectionDetailPage, entryBase, memberFormView, RemoveMember } from './collection-pages.tsx'
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
  const { ctx, initiative } = props
  const { t } = ctx
  const base = entryBase('initiatives', initiative.id)
  const form = initiativeForm('initiative-', props.values, props.problem)
  const memberForm = memberFormView(props, 'new-member-', { personId: 'new-member-person', role: 'new-member-role' }, { role: 'delegate' })
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`admin.role.${role}`) }))
  return (
    <CollectionDetailPage
      ctx={ctx}
      collection="initiatives"
      entry={initiative}
      saved={props.saved ?? false}
      edit={{ form, fields: <InitiativeFields ctx={ctx} form={form} creating={false} /> }}
      members={props.members}
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
        { label: t('common.actions'), cell: (m) => <RemoveMember ctx={ctx} base={base} member={m} /> },
      ]}
      candidates={props.candidates}
      add={{ form: memberForm, fields: <SelectField form={memberForm} name="role" label={t('admin.field.role')} options={roleOptions} /> }}
    />
  )
}
