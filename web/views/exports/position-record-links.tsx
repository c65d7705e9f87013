import type { PageContext } from '../layout.tsx'
import { DownloadLinks } from './download-links.tsx'

/** Under a position's text: the draft as a file, and the position's history. */
export function PositionRecordLinks({ ctx, positionId }: { ctx: PageContext; positionId: string }) {
  return (
    <>
      <DownloadLinks ctx={ctx} base={`/positions/${positionId}/draft`} fileName={`${positionId}-${ctx.t('exchange.draft_file')}`} label={ctx.t('exchange.draft_short')} />
      <p class="no-print">
        <a href={`/positions/${positionId}/history`}>{ctx.t('history.link')}</a> · <a href={`/positions/${positionId}/amendments`}>{ctx.t('amendments.heading')}</a>
      </p>
    </>
  )
}
