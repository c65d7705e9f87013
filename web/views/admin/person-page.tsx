import { CheckboxField, FormError, PostForm } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { FormSection } from './admin-parts.tsx'
import { InviteLink, type InviteLinkInfo } from './invite-link.tsx'
import { PersonFields, personForm, statusLabel } from './people-page.tsx'
import { TranslatorSection, translatorForm } from './translator-section.tsx'

export interface PersonPageProps {
  ctx: PageContext
  person: { id: string; name: string; disabled: boolean; passwordSet: boolean }
  values: FormValues
  problem?: FormProblem | null
  initiatives: Array<{ id: string; name: string; role: 'delegate' | 'member'; active: boolean }>
  groups: Array<{ id: string; name: string; coordinator: boolean }>
  invite?: InviteLinkInfo | null
  inviteProblem?: string | null
  saved?: boolean
  /** The languages the person may translate into (stored, or as just entered and refused). */
  translator: { values: FormValues; problem?: FormProblem | null | undefined }
}

export function PersonPage(props: PersonPageProps) {
  const { ctx, person, initiatives, groups, invite, inviteProblem, saved } = props
  const { t } = ctx
  const base = `/admin/people/${person.id}`
  const form = personForm('person-', props.values, props.problem)
  const translator = translatorForm(props.translator.values, props.translator.problem)
  // A new setup link that could not be made is a refusal of the invite form, said above its button.
  const inviteForm = formView({ prefix: 'invite-', problem: inviteProblem ? { message: inviteProblem } : null })
  return (
    <AdminLayout ctx={ctx} section="people" title={person.name} success={saved ? t('common.saved') : null} errors={formErrors(form, translator, inviteForm)}>
      <p>
        <a href="/admin/people">{t('admin.back_to_list')}</a>
      </p>
      <p>
        {t('admin.col.status')}: {statusLabel(ctx, person)}
      </p>
      {invite ? <InviteLink ctx={ctx} invite={invite} /> : null}

      <FormSection id="edit-person" heading={t('admin.people.edit')} form={form} action={base} submit={t('common.save')}>
        <PersonFields ctx={ctx} form={form} />
        <CheckboxField form={form} name="disabled" label={t('admin.field.disabled')} />
      </FormSection>

      <TranslatorSection ctx={ctx} form={translator} action={`${base}/translator`} />

      {person.disabled ? null : (
        <section aria-labelledby="invite-person">
          <h2 id="invite-person">{t('admin.people.invite_new')}</h2>
          <p class="hint">{t('admin.people.invite_new_hint')}</p>
          <FormError form={inviteForm} />
          <PostForm action={`${base}/invite`}>
            <button type="submit" class="secondary">
              {t('admin.people.invite_new')}
            </button>
          </PostForm>
        </section>
      )}

      <section aria-labelledby="person-memberships">
        <h2 id="person-memberships">{t('admin.people.memberships')}</h2>
        <p class="hint">{t('admin.people.memberships_hint')}</p>
        <h3>{t('admin.people.initiatives')}</h3>
        {initiatives.length === 0 ? (
          <p>{t('admin.people.no_initiatives')}</p>
        ) : (
          <ul>
            {initiatives.map((i) => (
              <li>
                <a href={`/admin/initiatives/${i.id}`}>{i.name}</a>
                {`: ${t(`admin.role.${i.role}`)}`}
                {i.active ? null : ` ${t('admin.people.inactive_initiative')}`}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('admin.people.groups')}</h3>
        {groups.length === 0 ? (
          <p>{t('admin.people.no_groups')}</p>
        ) : (
          <ul>
            {groups.map((g) => (
              <li>
                <a href={`/admin/groups/${g.id}`}>{g.name}</a>
                {g.coordinator ? `: ${t('admin.role.coordinator')}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminLayout>
  )
}
