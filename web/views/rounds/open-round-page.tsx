import { Layout, type PageContext } from '../layout.tsx'
import { OpenRoundForm, type OpenRoundFormProps } from './open-round-form.tsx'

/** /positions/:id/rounds/new — the open-round form on its own page (also where its errors are shown). */
export function OpenRoundPage(props: OpenRoundFormProps & { position: { id: string; title: string } }) {
  const { ctx, position } = props
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={`${t('rounds.open.heading')}: ${position.title}`}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}`}>{position.title}</a>
      </p>
      <h1>{`${t('rounds.open.heading')}: ${position.title}`}</h1>
      <OpenRoundForm {...props} heading={false} />
    </Layout>
  )
}

export type { PageContext }
