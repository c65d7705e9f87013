import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { pageErrors } from '../error-summary.tsx'
import { Layout, type PageContext } from '../layout.tsx'
import { PublishPanel, type PublishPanelData } from './publish-panel.tsx'

export interface PublishPageProps {
  ctx: PageContext
  title: string
  data: PublishPanelData
  values?: { summary?: string; reason?: string }
  error?: string | null
}

/** The publish/withdraw forms on a page of their own (also where a failed form post lands). */
export function PublishPage({ ctx, title, data, values, error }: PublishPageProps) {
  const { t } = ctx
  // A refused publish form is about its summary; a refused withdrawal about its reason.
  const field = data.status === 'adopted' ? `publish-summary-${data.positionId}` : `withdraw-reason-${data.positionId}`
  return (
    <Layout ctx={ctx} title={t('publishing.panel_page_title', { title })} errors={pageErrors(error ? { message: error, field } : null, { [field]: field })} head={<link rel="stylesheet" href="/assets/public.css" />}>
      <p>
        <a href={`/positions/${data.positionId}`} lang={CONTENT_LOCALE}>{title}</a>
      </p>
      <PublishPanel ctx={ctx} data={data} values={values} error={error} level={1} />
    </Layout>
  )
}
