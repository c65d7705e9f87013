import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { formatLongDate } from '../../../shared/publishing/result-sentence.ts'
import { FormError, PostForm, TextArea } from '../form/field.tsx'
import { formView, type FormProblem, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { embedSnippet } from './embed-snippet.ts'
import { contentMark, Sentence } from '../with-content.tsx'

/** What the spokesperson panel of a position shows. */
export interface PublishPanelData {
  positionId: string
  status: 'drafting' | 'in_round' | 'adopted' | 'published' | 'withdrawn'
  publication: { slug: string; url: string; publishedAt: number; withdrawnAt: number | null; withdrawReason: string | null } | null
  publicUrl: string
  /** The alliance, named under the embedded list. */
  publisher?: { name: string; website: string } | null
}

export interface PublishPanelProps {
  ctx: PageContext
  data: PublishPanelData
  /** What was entered before a failed post, so nothing is lost. */
  values?: { summary?: string; reason?: string }
  /** Why the form shown (publish while adopted, else withdraw) was refused. */
  problem?: FormProblem | null
  /** Heading level: 2 on a position page, 1 on the panel's own page. */
  level?: 1 | 2
}

/**
 * For spokespersons and admins: publish an adopted position, withdraw a published one, and the
 * snippet that embeds the public list on the alliance's website. Plain forms, no JavaScript.
 */
/** The panel's form as its fields see it: publish while adopted, else withdraw. */
export function publishPanelForm(data: PublishPanelData, values: { summary?: string; reason?: string } = {}, problem?: FormProblem | null): FormView {
  const id = data.positionId
  return data.status === 'adopted'
    ? formView({ prefix: `publish-${id}-`, values, problem, fields: { summary: `publish-summary-${id}` } })
    : formView({ prefix: `withdraw-${id}-`, values, problem, fields: { reason: `withdraw-reason-${id}` } })
}

export function PublishPanel({ ctx, data, values = {}, problem, level = 2 }: PublishPanelProps) {
  const { t, locale } = ctx
  const Heading = level === 1 ? 'h1' : 'h2'
  const pub = data.publication
  const apiUrl = `${data.publicUrl}/api/public/positions`
  const form = publishPanelForm(data, values, problem)
  return (
    <section class="publish-panel" aria-labelledby={`publish-${data.positionId}`}>
      <Heading id={`publish-${data.positionId}`}>{t('publishing.panel_title')}</Heading>
      <FormError form={form} />
      {data.status === 'adopted' ? (
        <PostForm action={`/positions/${data.positionId}/publish`}>
          <p>{t('publishing.panel_adopted')}</p>
          <TextArea form={form} name="summary" label={t('publishing.summary_label')} hint={t('publishing.summary_hint')} maxlength={500} rows={3} lang={CONTENT_LOCALE} />
          <div>
            <button type="submit">{t('publishing.publish_submit')}</button>
          </div>
        </PostForm>
      ) : null}
      {pub ? (
        <p>
          {t('publishing.panel_published', { date: formatLongDate(pub.publishedAt, locale) })}{' '}
          <a href={`/p/${pub.slug}`}>{pub.url}</a>
          {' · '}
          <a href={`/positions/${data.positionId}/translations`}>{t('translations.link')}</a>
        </p>
      ) : null}
      {pub && pub.withdrawnAt !== null ? (
        <p>
          <strong>{t('publishing.panel_withdrawn', { date: formatLongDate(pub.withdrawnAt, locale) })}</strong>{' '}
          <Sentence text={t('publishing.withdrawn_reason', { reason: contentMark('reason') })} content={{ reason: pub.withdrawReason ?? '' }} />
        </p>
      ) : null}
      {pub && pub.withdrawnAt === null && data.status === 'published' ? (
        <PostForm action={`/positions/${data.positionId}/withdraw`}>
          <fieldset>
            <legend>{t('publishing.withdraw_legend')}</legend>
            <p>{t('publishing.withdraw_intro')}</p>
            <TextArea form={form} name="reason" label={t('publishing.reason_label')} hint={t('publishing.reason_hint')} required maxlength={1000} rows={3} lang={CONTENT_LOCALE} />
            <div>
              <button type="submit" class="danger">
                {t('publishing.withdraw_submit')}
              </button>
            </div>
          </fieldset>
        </PostForm>
      ) : null}
      {data.status !== 'adopted' && !pub ? <p class="muted">{t('publishing.panel_not_adopted')}</p> : null}
      <details class="embed">
        <summary>{t('publishing.embed_title')}</summary>
        <p>{t('publishing.embed_intro')}</p>
        <label for={`embed-code-${data.positionId}`}>{t('publishing.embed_label')}</label>
        <textarea id={`embed-code-${data.positionId}`} class="embed-code" readonly rows={12}>
          {embedSnippet(data.publicUrl, { withdrawn: t('publishing.withdrawn_badge'), all: t('publishing.all_positions'), ...(data.publisher ? { by: t('alliance.embed.by', { name: data.publisher.name }), website: data.publisher.website } : {}) })}
        </textarea>
        <p class="hint">{t('publishing.embed_api', { url: apiUrl })}</p>
      </details>
    </section>
  )
}
