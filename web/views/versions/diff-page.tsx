import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { raw } from 'hono/html'
import { ContainedAmendments, type ContainedAmendment } from '../amendments/contained-amendments.tsx'
import { Layout, type PageContext } from '../layout.tsx'

export interface DiffPageProps {
  ctx: PageContext
  position: { id: string; title: string }
  from: number
  to: number
  /** All version numbers, newest first, for choosing another pair. */
  numbers: number[]
  /** The changes, rendered (./diff-view.tsx). */
  diffHtml: string
  /** The amendments the versions after `from` up to `to` contain. */
  amendments?: ContainedAmendment[] | undefined
}

/** /positions/:id/diff?from=&to= — what changed between two versions. */
export function DiffPage({ ctx, position, from, to, numbers, diffHtml, amendments = [] }: DiffPageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('diff.title', { from, to, title: position.title })}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}`} lang={CONTENT_LOCALE}>{position.title}</a>
      </p>
      <h1>{t('diff.heading', { from, to })}</h1>
      <form method="get" action={`/positions/${position.id}/diff`} class="diff-choose">
        <div>
          <label for="diff-from">{t('diff.form.from')}</label>
          <select id="diff-from" name="from">
            {numbers.map((n) => (
              <option value={String(n)} selected={n === from}>
                {t('versions.item', { n })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="diff-to">{t('diff.form.to')}</label>
          <select id="diff-to" name="to">
            {numbers.map((n) => (
              <option value={String(n)} selected={n === to}>
                {t('versions.item', { n })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('diff.form.submit')}
        </button>
      </form>
      {raw(diffHtml)}
      <ContainedAmendments ctx={ctx} positionId={position.id} amendments={amendments} />
      <p>
        <a href={`/positions/${position.id}/versions/${to}`}>{t('versions.item', { n: to })}</a>
      </p>
    </Layout>
  )
}
