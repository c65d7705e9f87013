import type { Transporter } from 'nodemailer'
import type { MailOutboxRow } from '../../db/schema/index.ts'
import type { Deps } from '../deps.ts'
import { dueMails, markAttemptFailed, markSent } from './outbox.repo.ts'
import type { MailAttachment } from './queue-notification.ts'

const MINUTE = 60_000
/** After this long without success a mail is given up and shown as failed in the admin area. */
export const GIVE_UP_AFTER_MS = 24 * 60 * MINUTE

/** 1, 2, 4, … minutes after each failed attempt, at most an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 60 * MINUTE)
}

/** The Message-ID of an outbox row: the same on every attempt, so a receiver can recognise a repeat. */
export function messageId(row: Pick<MailOutboxRow, 'id'>, publicUrl: string): string {
  return `<${row.id}@${new URL(publicUrl).hostname}>`
}

/**
 * Sends what is due, one mail after another, and marks each: sent, due again later, or failed.
 * A row is marked sent only after the SMTP server accepted it; a crash before that sends it again
 * after the restart (with the same Message-ID), a crash after it never does.
 */
export async function deliverDue(deps: Deps, transport: Transporter, from: string): Promise<{ sent: number; failed: number }> {
  let sent = 0
  let failed = 0
  for (;;) {
    const rows = dueMails(deps.db, deps.now(), 20)
    if (rows.length === 0) break
    for (const row of rows) {
      try {
        await transport.sendMail({
          from,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          messageId: messageId(row, deps.config.publicUrl),
          headers: {
            'Auto-Submitted': 'auto-generated',
            ...(row.unsubscribe_url ? { 'List-Unsubscribe': `<${row.unsubscribe_url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
          },
          attachments: row.attachments ? (JSON.parse(row.attachments) as MailAttachment[]) : [],
        })
        markSent(deps.db, row.id, deps.now())
        sent++
      } catch (error) {
        const now = deps.now()
        const message = error instanceof Error ? error.message : String(error)
        if (now - row.created_at >= GIVE_UP_AFTER_MS) {
          markAttemptFailed(deps.db, row.id, message, { failedAt: now })
          deps.log.error('mail given up after a day of failed attempts', { id: row.id, kind: row.kind, error: message })
          failed++
        } else {
          markAttemptFailed(deps.db, row.id, message, { retryAt: now + retryDelay(row.attempts + 1) })
          deps.log.warn('mail not delivered, will retry', { id: row.id, attempts: row.attempts + 1, error: message })
        }
      }
    }
    if (rows.length < 20) break
  }
  return { sent, failed }
}
