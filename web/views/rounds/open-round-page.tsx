import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { formErrors } from '../form/form-view.ts'
import { Layout, type PageContext } from '../layout.tsx'
import { defaultOpenRoundValues, OpenRoundForm, openRoundForm, type OpenRoundFormProps } from './open-round-form.tsx'

/** /positions/:id/rounds/new — the open-round form on its own page (also where its errors are shown). */
export function OpenRoundPage(props: OpenRoundFormProps & { position: { id: string; title: string } }) {
  const { ctx, position } = props
  const { t } = ctx
  const form = openRoundForm(props.values ?? defaultOpenRoundValues(props.now), props.error)
  return (
    <Layout ctx={ctx} title={`${t('rounds.open.heading')}: ${position.title}`} errors={formErrors(form)}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}`} lang={CONTENT_LOCALE}>{position.title}</a>
      </p>
      <h1>
        {t('rounds.open.heading')}: <span lang={CONTENT_LOCALE}>{position.title}</span>
      </h1>
      <OpenRoundForm {...props} heading={false} />
    </Layout>
  )
}

export type { PageContext }
