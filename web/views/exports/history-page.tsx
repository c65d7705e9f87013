import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { Translate } from '../../../shared/i18n/index.ts'
import { Layout, type PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { contentMark, Sentence } from '../with-content.tsx'

export interface HistoryEvent {
  id: number
  at: number
  actorName: string | null
  action: string
  data: Record<string, unknown>
  hash: string | null
}

function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

function when(value: unknown, ctx: PageContext): string {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isFinite(ms) ? formatDateTime(ms, ctx.locale) : ''
}

/** One line in words for an event of a position's record, its content marked as German. */
export function describeEvent(ctx: PageContext, e: { action: string; data: Record<string, unknown> }) {
  const text = eventSentence(ctx, e)
  const d = e.data
  // Titles and reasons are content (German), the sentence around them is the interface's language.
  return <Sentence text={text} content={{ title: str(d.title), from: str(d.from), to: str(d.to), reason: str(d.reason) }} />
}

function eventSentence(ctx: PageContext, e: { action: string; data: Record<string, unknown> }): string {
  const t: Translate = ctx.t
  const d = e.data
  switch (e.action) {
    case 'position.create':
      return t('history.position.create', { title: contentMark('title') })
    case 'position.import':
      return t('history.position.import', { file: str(d.fileName) })
    case 'draft.import':
      return t('history.draft.import', { file: str(d.fileName) })
    case 'position.rename':
      return t('history.position.rename', { from: contentMark('from'), to: contentMark('to') })
    case 'version.freeze':
      return t('history.version.freeze', { n: str(d.number) })
    case 'round.open':
      return t(d.kind === 'vote' ? 'history.round.open_vote' : 'history.round.open_consent', { n: str(d.versionNumber), date: when(d.closesAt, ctx) })
    case 'round.extend':
      return t('history.round.extend', { date: when(d.to, ctx), reason: contentMark('reason') })
    case 'round.close':
      return t(d.outcome === 'adopted' ? 'history.round.close_adopted' : d.outcome === 'rejected' ? 'history.round.close_rejected' : 'history.round.close_no_quorum')
    case 'round.cancel':
      return t('history.round.cancel', { reason: contentMark('reason') })
    case 'position.publish':
      return t('history.position.publish', { n: str(d.version) })
    case 'position.withdraw':
      return t('history.position.withdraw', { reason: contentMark('reason') })
    case 'position.archive':
      return t('history.position.archive')
    default:
      return e.action
  }
}

/** /positions/:id/history: what happened to a position, who did it and when, oldest first. */
export function HistoryPage({ ctx, position, events }: { ctx: PageContext; position: { id: string; title: string }; events: HistoryEvent[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('history.title', { title: position.title })}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}`} lang={CONTENT_LOCALE}>
          {position.title}
        </a>
      </p>
      <h1>{t('history.heading')}</h1>
      <p class="hint">{t('history.intro')}</p>
      {events.length === 0 ? (
        <p class="muted">{t('common.none')}</p>
      ) : (
        <ol class="history">
          {events.map((e) => (
            <li id={`event-${e.id}`}>
              <p>
                <strong>{describeEvent(ctx, e)}</strong>
              </p>
              <p class="muted">
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, ctx.locale)}</time> · {e.actorName ?? t('history.system')}
                {e.hash ? (
                  <>
                    {' · '}
                    <span>{t('history.hash')}</span> <code class="hash-value">{e.hash.slice(0, 16)}</code>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  )
}
