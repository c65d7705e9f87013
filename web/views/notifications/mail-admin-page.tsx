import { AdminLayout } from '../admin/admin-layout.tsx'
import type { PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'

export interface MailRowView {
  to: string
  subject: string
  /** The language the mail was written in (the recipient's). */
  locale: string
  createdAt: number
  attempts: number
  error: string | null
}

export interface MailAdminProps {
  ctx: PageContext
  configured: boolean
  host: string | null
  from: string
  waiting: { count: number; rows: MailRowView[] }
  failed: { count: number; rows: MailRowView[] }
  sent: { count: number; rows: MailRowView[] }
}

function MailTable({ ctx, rows, id }: { ctx: PageContext; rows: MailRowView[]; id: string }) {
  const { t } = ctx
  if (rows.length === 0) return <p>{t('notify.admin.none')}</p>
  return (
    <div class="table-wrap">
      <table class="stack-table" aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{t('notify.admin.col.subject')}</th>
            <th scope="col">{t('notify.admin.col.to')}</th>
            <th scope="col">{t('notify.admin.col.created')}</th>
            <th scope="col">{t('notify.admin.col.attempts')}</th>
            <th scope="col">{t('notify.admin.col.error')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row" lang={r.locale}>
                {r.subject}
              </th>
              <td data-label={t('notify.admin.col.to')}>{r.to}</td>
              <td data-label={t('notify.admin.col.created')}>{formatDateTime(r.createdAt, ctx.locale)}</td>
              <td data-label={t('notify.admin.col.attempts')}>{r.attempts}</td>
              <td data-label={t('notify.admin.col.error')}>{r.error ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** `/admin/mail`: whether mail is set up, what waits, what failed, what went out lately. */
export function MailAdminPage(props: MailAdminProps) {
  const { ctx } = props
  const { t } = ctx
  return (
    <AdminLayout ctx={ctx} section="mail" title={t('notify.admin.title')}>
      {props.configured ? (
        <p class="notice">{t('notify.admin.configured', { host: props.host ?? '', from: props.from })}</p>
      ) : (
        <p class="notice notice-error" role="status">
          {t('notify.admin.not_configured')}
        </p>
      )}
      <section aria-labelledby="mail-failed">
        <h2 id="mail-failed">{t('notify.admin.failed', { n: props.failed.count })}</h2>
        <MailTable ctx={ctx} rows={props.failed.rows} id="mail-failed" />
      </section>
      <section aria-labelledby="mail-waiting">
        <h2 id="mail-waiting">{t('notify.admin.waiting', { n: props.waiting.count })}</h2>
        <MailTable ctx={ctx} rows={props.waiting.rows} id="mail-waiting" />
      </section>
      <section aria-labelledby="mail-sent">
        <h2 id="mail-sent">{t('notify.admin.sent', { n: props.sent.count })}</h2>
        <MailTable ctx={ctx} rows={props.sent.rows} id="mail-sent" />
      </section>
    </AdminLayout>
  )
}
