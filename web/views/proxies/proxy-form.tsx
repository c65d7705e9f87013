import { formView } from '../form/form-view.ts'
import { ChoiceGroup, PostForm, SelectField } from '../form/field.tsx'
import type { PageContext } from '../layout.tsx'

export interface ProxyFormData {
  roundId: string
  initiatives: Array<{
    id: string
    name: string
    current: { id: string; toName: string; roundOnly: boolean } | null
    candidates: Array<{ id: string; label: string }>
  }>
}

/** On the round page: hand the initiative's vote to a delegate of another initiative, or take it back. */
export function ProxyForms({ ctx, data }: { ctx: PageContext; data: ProxyFormData | null | undefined }) {
  const { t } = ctx
  if (!data) return null
  return (
    <section aria-labelledby="proxy-form-heading" class="proxy-forms no-print">
      <h2 id="proxy-form-heading">{t('proxies.form.heading')}</h2>
      {data.initiatives.map((i) => {
        const prefix = `proxy-${i.id}-`
        const form = formView({ prefix, fields: { toPersonId: `${prefix}to`, scope: `${prefix}scope` } })
        if (i.current) {
          return (
            <PostForm action={`/proxies/${i.current.id}/revoke?round=${data.roundId}`}>
              <p>{t('proxies.form.current', { initiative: i.name, person: i.current.toName })}</p>
              <button type="submit">{t('proxies.form.revoke')}</button>
            </PostForm>
          )
        }
        if (i.candidates.length === 0) return <p>{t('proxies.form.none')}</p>
        return (
          <PostForm action={`/initiatives/${i.id}/proxies?round=${data.roundId}`}>
            <p>{t('proxies.form.intro', { initiative: i.name })}</p>
            <SelectField form={form} name="toPersonId" id={`${prefix}to`} label={t('proxies.form.to')} options={i.candidates.map((c) => ({ value: c.id, label: c.label }))} required />
            <ChoiceGroup
              form={form}
              name="scope"
              legend={t('proxies.form.scope')}
              selected="round"
              choices={[
                { value: 'round', id: `${prefix}scope-round`, label: t('proxies.form.scope_round') },
                { value: 'all', id: `${prefix}scope-all`, label: t('proxies.form.scope_all') },
              ]}
            />
            <button type="submit">{t('proxies.form.submit')}</button>
          </PostForm>
        )
      })}
    </section>
  )
}
