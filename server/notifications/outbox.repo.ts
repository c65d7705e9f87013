import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { MailOutboxRow } from '../../db/schema/index.ts'

export function dueMails(db: Db, now: number, limit: number): MailOutboxRow[] {
  return all(
    db,
    db.q.selectFrom('mail_outbox').selectAll().where('sent_at', 'is', null).where('failed_at', 'is', null).where('next_attempt_at', '<=', now).orderBy('next_attempt_at').orderBy('created_at').limit(limit),
  )
}

export function markSent(db: Db, id: string, now: number): void {
  run(db, db.q.updateTable('mail_outbox').set((eb) => ({ sent_at: now, attempts: eb('attempts', '+', 1), last_error: null })).where('id', '=', id).where('sent_at', 'is', null))
}

export function markAttemptFailed(db: Db, id: string, error: string, next: { retryAt: number } | { failedAt: number }): void {
  run(
    db,
    db.q
      .updateTable('mail_outbox')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 500),
        ...('retryAt' in next ? { next_attempt_at: next.retryAt } : { failed_at: next.failedAt }),
      }))
      .where('id', '=', id),
  )
}

export function nextAttemptAt(db: Db): number | null {
  return (
    first(db, db.q.selectFrom('mail_outbox').select((eb) => eb.fn.min<number | null>('next_attempt_at').as('at')).where('sent_at', 'is', null).where('failed_at', 'is', null))?.at ?? null
  )
}

export interface OutboxOverview {
  waiting: number
  failed: number
  sent: number
  waitingRows: MailOutboxRow[]
  failedRows: MailOutboxRow[]
  sentRows: MailOutboxRow[]
}

export function outboxOverview(db: Db, limit: number): OutboxOverview {
  const count = (state: 'waiting' | 'failed' | 'sent') => {
    let q = db.q.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n'))
    q = state === 'waiting' ? q.where('sent_at', 'is', null).where('failed_at', 'is', null) : state === 'failed' ? q.where('failed_at', 'is not', null) : q.where('sent_at', 'is not', null)
    return first(db, q)?.n ?? 0
  }
  const rows = db.q.selectFrom('mail_outbox').selectAll().limit(limit)
  return {
    waiting: count('waiting'),
    failed: count('failed'),
    sent: count('sent'),
    waitingRows: all(db, rows.where('sent_at', 'is', null).where('failed_at', 'is', null).orderBy('created_at')),
    failedRows: all(db, rows.where('failed_at', 'is not', null).orderBy('failed_at', 'desc')),
    sentRows: all(db, rows.where('sent_at', 'is not', null).orderBy('sent_at', 'desc')),
  }
}
