import type { PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'

export interface VersionListItem {
  number: number
  hash: string
  createdAt: number
  createdByName: string
}

/** The frozen versions of a position, newest first, each with a link to its changes. */
export function VersionsList({ ctx, positionId, versions }: { ctx: PageContext; positionId: string; versions: VersionListItem[] }) {
  const { t } = ctx
  return (
    <section class="versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('versions.heading')}</h2>
      {versions.length === 0 ? (
        <p>{t('versions.none')}</p>
      ) : (
        <ul class="version-list">
          {versions.map((v) => (
            <li>
              <a href={`/positions/${positionId}/versions/${v.number}`}>{t('versions.item', { n: v.number })}</a>{' '}
              <span class="muted">{t('versions.created', { date: formatDateTime(v.createdAt, ctx.locale), name: v.createdByName })}</span>
              {v.number > 1 ? (
                <>
                  {' · '}
                  <a href={`/positions/${positionId}/diff?from=${v.number - 1}&to=${v.number}`}>{t('versions.compare_previous', { n: v.number - 1 })}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The coordinator's button to freeze the draft as a version (works without JavaScript). */
export function FreezeVersionForm({ ctx, positionId }: { ctx: PageContext; positionId: string }) {
  const { t } = ctx
  return (
    <form method="post" action={`/positions/${positionId}/versions`} class="freeze-form">
      <p class="hint" id="freeze-hint">
        {t('versions.freeze.hint')}
      </p>
      <button type="submit" class="secondary" aria-describedby="freeze-hint">
        {t('versions.freeze')}
      </button>
    </form>
  )
}
