import { Layout, type PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { describeEvent, type HistoryEvent } from './history-page.tsx'

export interface AuditPageProps {
  ctx: PageContext
  events: Array<HistoryEvent & { objectType: string; objectId: string }>
  actions: string[]
  people: Array<{ id: string; name: string }>
  filter: { person: string; position: string; action: string }
  /** The address of the next (older) page, if there is one. */
  next: string | null
}

/** /admin/audit: the whole audit log, newest first, filtered by person, position and kind. */
export function AuditPage({ ctx, events, actions, people, filter, next }: AuditPageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('audit.page.title')}>
      <p class="breadcrumb">
        <a href="/admin">{t('admin.title')}</a>
      </p>
      <h1>{t('audit.page.title')}</h1>
      <p class="hint">{t('audit.page.intro')}</p>
      <form method="get" action="/admin/audit" class="audit-filter">
        <label for="audit-person">{t('audit.page.person')}</label>
        <select id="audit-person" name="person">
          <option value="">{t('audit.page.all')}</option>
          {people.map((p) => (
            <option value={p.id} selected={p.id === filter.person}>
              {p.name}
            </option>
          ))}
        </select>
        <label for="audit-action">{t('audit.page.action')}</label>
        <select id="audit-action" name="action">
          <option value="">{t('audit.page.all')}</option>
          {actions.map((a) => (
            <option value={a} selected={a === filter.action}>
              {a}
            </option>
          ))}
        </select>
        <label for="audit-position">{t('audit.page.position')}</label>
        <p class="hint" id="audit-position-hint">
          {t('audit.page.position_hint')}
        </p>
        <input id="audit-position" name="position" type="text" value={filter.position} aria-describedby="audit-position-hint" />
        <div>
          <button type="submit">{t('audit.page.filter')}</button>
        </div>
      </form>
      {events.length === 0 ? (
        <p class="muted">{t('common.none')}</p>
      ) : (
        <ol class="history" reversed>
          {events.map((e) => (
            <li id={`event-${e.id}`}>
              <p>
                <strong>{describeEvent(ctx, e)}</strong> <code>{e.action}</code>
              </p>
              <p class="muted">
                #{e.id} · <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, ctx.locale)}</time> · {e.actorName ?? t('history.system')} ·{' '}
                {e.objectType === 'position' ? <a href={`/positions/${e.objectId}/history`}>{e.objectType}</a> : e.objectType} <code>{e.objectId}</code>
                {e.hash ? (
                  <>
                    {' · '}
                    <code class="hash-value">{e.hash.slice(0, 16)}</code>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      {next ? (
        <p>
          <a href={next}>{t('audit.page.older')}</a>
        </p>
      ) : null}
    </Layout>
  )
}
