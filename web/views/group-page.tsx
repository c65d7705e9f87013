import { CONTENT_LOCALE } from '../../shared/i18n/locale.ts'
import { FormError, PostForm, TextField } from './form/field.tsx'
import { formErrors, formView } from './form/form-view.ts'
import { Layout, type PageContext } from './layout.tsx'
import { PositionList, type PositionListItem } from './positions/position-list.tsx'

export interface GroupPageProps {
  ctx: PageContext
  group: { name: string; slug: string; description: string }
  members: Array<{ name: string; coordinator: boolean }>
  positions: PositionListItem[]
  /** Whether the viewer may start a position here (members and admins). */
  canCreate: boolean
  /** The "new position" form after a failed attempt: what was typed and why it failed. */
  form?: { title: string; error: string } | null
}

export function GroupPage({ ctx, group, members, positions, canCreate, form }: GroupPageProps) {
  const { t } = ctx
  const view = formView({ prefix: 'new-position-', values: { title: form?.title }, problem: form ? { message: form.error, field: 'title' } : null, fields: { title: 'new-position-title' } })
  return (
    <Layout ctx={ctx} title={group.name} errors={formErrors(view)}>
      <p class="muted">{t('positions.page.group')}</p>
      <h1 lang={CONTENT_LOCALE}>{group.name}</h1>
      {group.description ? <p class="lead" lang={CONTENT_LOCALE}>{group.description}</p> : null}

      <section aria-labelledby="group-positions">
        <h2 id="group-positions">{t('group.positions')}</h2>
        <PositionList ctx={ctx} positions={positions} />
      </section>

      {canCreate ? (
        <section aria-labelledby="group-new-position">
          <h2 id="group-new-position">{t('positions.create.heading')}</h2>
          <FormError form={view} />
          <PostForm action={`/groups/${group.slug}/positions`}>
            <TextField form={view} name="title" label={t('positions.field.title')} hint={t('positions.field.title_hint')} required />
            <div>
              <button type="submit">{t('positions.create.submit')}</button>
            </div>
          </PostForm>
          <p>
            <a href={`/groups/${group.slug}/import`}>{t('exchange.import.link')}</a>
          </p>
        </section>
      ) : (
        <p class="hint">{t('group.create_hint_outsider')}</p>
      )}

      <section aria-labelledby="group-members">
        <h2 id="group-members">{t('group.members')}</h2>
        {members.length === 0 ? (
          <p class="muted">{t('group.no_members')}</p>
        ) : (
          <ul class="member-list">
            {members.map((m) => (
              <li>
                {m.name}
                {m.coordinator ? (
                  <>
                    {' '}
                    <span class="badge">{t('group.coordinator')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  )
}
