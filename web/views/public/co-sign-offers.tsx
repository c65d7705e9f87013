import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { formatLongDate } from '../../../shared/publishing/result-sentence.ts'
import type { PageContext } from '../layout.tsx'

/** A published position that the viewer's initiative(s) agreed to and have not co-signed yet. */
export interface CoSignOffer {
  positionId: string
  slug: string
  title: string
  groupName: string
  publishedAt: number
  initiatives: Array<{ initiativeId: string; name: string }>
}

/**
 * Start page section content for delegates: "you agreed to these; co-sign them publicly too".
 * The start page adds the heading (`publishing.cosign_offers_title`); show it only with offers.
 */
export function CoSignOffers({ ctx, offers, back = '/' }: { ctx: PageContext; offers: CoSignOffer[]; back?: string }) {
  const { t, locale } = ctx
  return (
    <>
      <p>{t('publishing.cosign_offers_intro')}</p>
      <ul class="card-list">
        {offers.map((offer) => (
          <li class="card">
            <h3 class="public-card-title">
              <a href={`/p/${offer.slug}`} lang={CONTENT_LOCALE}>{offer.title}</a>
            </h3>
            <p class="public-card-meta">
              {offer.groupName} · {t('publishing.published_on', { date: formatLongDate(offer.publishedAt, locale) })}
            </p>
            {offer.initiatives.map((initiative) => (
              <form method="post" action={`/positions/${offer.positionId}/signatures`} class="cosign-form">
                <input type="hidden" name="initiativeId" value={initiative.initiativeId} />
                <input type="hidden" name="back" value={back} />
                <button type="submit">{t('publishing.cosign_submit', { initiative: initiative.name })}</button>
              </form>
            ))}
          </li>
        ))}
      </ul>
    </>
  )
}
