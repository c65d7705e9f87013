import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { RoundKind } from '../../../shared/rules/choices.ts'
import type { PageContext } from '../layout.tsx'
import { kindLabel } from './round-labels.ts'
import { timeLeft } from './time-left.ts'

export interface AwaitingItem {
  roundId: string
  positionTitle: string
  /** 'amendments': a vote on amendments to the position, said so in the title. */
  kind: RoundKind | 'amendments'
  closesAt: number
  pendingFor: Array<{ name: string; viaProxy?: true }>
  canAnswer: boolean
  /** The person's initiative handed its vote on: the proxy holder answers, not they. */
  handedOn: boolean
}

/** "Noch zu entscheiden": open rounds waiting for the person or their initiative, soonest first. */
export function AwaitingList({ ctx, items, now }: { ctx: PageContext; items: AwaitingItem[]; now: number }) {
  const { t } = ctx
  if (items.length === 0) return <p>{t('rounds.awaiting.none')}</p>
  return (
    <ul class="card-list awaiting-list">
      {items.map((item) => (
        <li class="card">
          <p>
            {item.kind === 'amendments' ? (
              <strong>
                <a href={`/rounds/${item.roundId}`}>
                  {t('amendments.round.awaiting_title_before')}
                  <span lang={CONTENT_LOCALE}>{item.positionTitle}</span>
                  {t('amendments.round.awaiting_title_after')}
                </a>
              </strong>
            ) : (
              <>
                <strong>
                  <a href={`/rounds/${item.roundId}`} lang={CONTENT_LOCALE}>{item.positionTitle}</a>
                </strong>{' '}
                <span class="badge">{kindLabel(t, item.kind)}</span>
              </>
            )}
          </p>
          <p>
            <strong>{timeLeft(t, now, item.closesAt)}</strong>. {t('rounds.awaiting.for', { voters: item.pendingFor.map((v) => (v.viaProxy ? t('rounds.awaiting.via_proxy', { name: v.name }) : v.name)).join(', ') })}
          </p>
          {item.canAnswer ? (
            <p>
              <a class="button" href={`/rounds/${item.roundId}`}>
                {t('rounds.awaiting.answer')}
              </a>
            </p>
          ) : (
            <p class="hint">{t(item.handedOn ? 'rounds.awaiting.handed_on' : 'rounds.awaiting.ask_delegates')}</p>
          )}
        </li>
      ))}
    </ul>
  )
}
