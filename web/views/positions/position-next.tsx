import { intlLocale } from '../../../shared/i18n/locale.ts'
import type { PageContext } from '../layout.tsx'

export interface ArchiveState {
  archivedAt: number | null
  /** The viewer coordinates the group and the position is not in a round. */
  can: boolean
  justArchived: boolean
}

/** After adoption: what happens next, and who does it. */
export function NextStepNotice({ ctx, spokespersons }: { ctx: PageContext; spokespersons: string[] }) {
  const { t } = ctx
  return (
    <section class="notice next-step" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading">{t('positions.next.heading')}</h2>
      <p>{t('positions.next.adopted')}</p>
      <p>
        {spokespersons.length
          ? t('positions.next.spokespersons', { names: new Intl.ListFormat(intlLocale(ctx.locale), { type: 'conjunction' }).format(spokespersons) })
          : t('positions.next.no_spokespersons')}
      </p>
    </section>
  )
}

/** An archived position says so; its coordinator can archive it (out of the lists, nothing deleted). */
export function ArchiveSection({ ctx, positionId, archive }: { ctx: PageContext; positionId: string; archive: ArchiveState }) {
  const { t } = ctx
  if (archive.archivedAt !== null) {
    return (
      <p class={`notice ${archive.justArchived ? 'notice-success' : ''} archived-note`} role={archive.justArchived ? 'status' : undefined}>
        {t('positions.archive.archived')}
      </p>
    )
  }
  if (!archive.can) return null
  return (
    <details class="archive">
      <summary>{t('positions.archive.summary')}</summary>
      <form method="post" action={`/positions/${positionId}/archive`}>
        <p class="hint" id="archive-hint">
          {t('positions.archive.hint')}
        </p>
        <button type="submit" class="secondary" aria-describedby="archive-hint">
          {t('positions.archive.submit')}
        </button>
      </form>
    </details>
  )
}
