import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { raw } from 'hono/html'
import { CONTENT_MARK, WithContent } from '../with-content.tsx'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { ContainedAmendments, type ContainedAmendment, type SentenceFrom } from '../amendments/contained-amendments.tsx'
import { DownloadLinks } from '../exports/download-links.tsx'

export interface VersionPageProps {
  ctx: PageContext
  position: { id: string; title: string }
  version: { number: number; hash: string; html: string; createdAt: number; createdByName: string }
  frozen?: boolean
  /** The amendments merged since the version before, and the sentences they brought. */
  amendments?: { contained: ContainedAmendment[]; sentences: SentenceFrom[] } | undefined
}

/** /positions/:id/versions/:n — one frozen version, exactly as it was frozen. */
export function VersionPage({ ctx, position, version, frozen, amendments }: VersionPageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('versions.page.title', { n: version.number, title: position.title })}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}`} lang={CONTENT_LOCALE}>{position.title}</a>
      </p>
      <h1>
        <WithContent text={t('versions.page.title', { n: version.number, title: CONTENT_MARK })} content={position.title} />
      </h1>
      <SuccessNotice message={frozen ? t('versions.frozen', { n: version.number }) : null} />
      <p class="muted">{t('versions.created', { date: formatDateTime(version.createdAt, ctx.locale), name: version.createdByName })}</p>
      {version.number > 1 ? (
        <p>
          <a href={`/positions/${position.id}/diff?from=${version.number - 1}&to=${version.number}`}>
            {t('versions.compare_previous', { n: version.number - 1 })}
          </a>
        </p>
      ) : null}
      <section class="frozen-text prose" lang={CONTENT_LOCALE} aria-label={t('versions.page.title', { n: version.number, title: position.title })}>
        {raw(version.html)}
      </section>
      {amendments ? <ContainedAmendments ctx={ctx} positionId={position.id} amendments={amendments.contained} sentences={amendments.sentences} /> : null}
      <HashLine ctx={ctx} hash={version.hash} />
      <DownloadLinks
        ctx={ctx}
        base={`/positions/${position.id}/versions/${version.number}`}
        fileName={`${position.id}-${version.number}`}
        label={`${t('publishing.version')} ${version.number}`}
      />
    </Layout>
  )
}

/** The checksum in plain sight; how it is computed behind a short "Was ist das?" for whoever asks. */
export function HashLine({ ctx, hash }: { ctx: PageContext; hash: string }) {
  return (
    <div class="hash">
      <p class="hint">
        {ctx.t('versions.page.hash')} <code class="hash-value">{hash}</code>
      </p>
      <details class="hash-what">
        <summary>{ctx.t('rounds.hash.what')}</summary>
        <p class="hint">{ctx.t('versions.page.hash_hint')}</p>
      </details>
    </div>
  )
}
