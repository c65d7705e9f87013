import type { Generated, Selectable } from 'kysely'

export type NotificationMode = 'immediate' | 'digest' | 'off'

/** What a person was told; the in-app list. The title is rendered from kind and payload when shown. */
export interface NotificationsTable {
  id: string
  person_id: string
  kind: string
  /** JSON: the parameters of the title. */
  payload: string
  url: string
  created_at: number
  read_at: number | null
  /** 1 while it waits for the person's daily digest mail. */
  digest_pending: Generated<number>
}

/** A mail to send, written in the transaction of the event that causes it; rendered already. */
export interface MailOutboxTable {
  id: string
  person_id: string | null
  kind: string
  to_address: string
  /** An interface language code (shared/i18n/locale.ts). */
  locale: string
  subject: string
  text_body: string
  html_body: string
  /** JSON array of MailAttachment, or null. */
  attachments: string | null
  unsubscribe_url: string | null
  created_at: number
  attempts: Generated<number>
  next_attempt_at: number
  last_error: string | null
  sent_at: number | null
  failed_at: number | null
}

export interface NotificationSettingsTable {
  person_id: string
  kind: string
  mode: NotificationMode
}

export interface RoundRemindersTable {
  id: Generated<number>
  round_id: string
  kind: 'closing_soon' | 'nudge'
  sent_by: string | null
  sent_at: number
  recipients: number
}

/** Secrets the app creates at first use and keeps in the database (e.g. the unsubscribe signing key). */
export interface AppSecretsTable {
  name: string
  value: Buffer
  created_at: number
}

export interface CalendarFeedsTable {
  person_id: string
  /** Random; the feed URL is an HMAC over person and nonce, so a new nonce ends the old URL. */
  nonce: Buffer
  created_at: number
}

export type NotificationRow = Selectable<NotificationsTable>
export type MailOutboxRow = Selectable<MailOutboxTable>
export interface PartialDB {
  notifications: NotificationsTable
  mail_outbox: MailOutboxTable
  notification_settings: NotificationSettingsTable
  round_reminders: RoundRemindersTable
  app_secrets: AppSecretsTable
  calendar_feeds: CalendarFeedsTable
}
