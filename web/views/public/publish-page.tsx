import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { formErrors, type FormProblem } from '../form/form-view.ts'
import { Layout, type PageContext } from '../layout.tsx'
import { PublishPanel, publishPanelForm, type PublishPanelData } from './publish-panel.tsx'

export interface PublishPageProps {
  ctx: PageContext
  title: string
  data: PublishPanelData
  values?: { summary?: string; reason?: string }
  problem?: FormProblem | null
}

/** The publish/withdraw forms on a page of their own (also where a failed form post lands). */
export function PublishPage({ ctx, title, data, values, problem }: PublishPageProps) {
  const { t } = ctx
  // A refused publish form is about its summary; a refused withdrawal about its reason.
  const form = publishPanelForm(data, values, problem ? { message: problem.message, field: data.status === 'adopted' ? 'summary' : 'reason' } : null)
  return (
    <Layout ctx={ctx} title={t('publishing.panel_page_title', { title })} errors={formErrors(form)} head={<link rel="stylesheet" href="/assets/public.css" />}>
      <p>
        <a href={`/positions/${data.positionId}`} lang={CONTENT_LOCALE}>{title}</a>
      </p>
      <PublishPanel ctx={ctx} data={data} values={values} problem={form.problem} level={1} />
    </Layout>
  )
}
