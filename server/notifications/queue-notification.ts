import { newId } from '../../db/ids.ts'
import { transaction } from '../../db/query.ts'
import { isLocale, translator, type Locale } from '../../shared/i18n/index.ts'
import { DEFAULT_MODES, ESSENTIAL_KINDS, type NotificationKind, type NotificationMode } from '../../shared/notifications/kinds.ts'
import type { Deps } from '../deps.ts'
import { composeMail, type MailBlock } from './compose-mail.ts'
import { KINDS, type Facts, type KindInputs } from './kinds.ts'
import { insertMail, insertNotification, recipientsByIds, settingFor, type Recipient } from './notification.repo.ts'
import { renderNotification } from './render-notification.ts'
import { roundCalendar } from './round-calendar.ts'
import { unsubscribeUrl } from './unsubscribe-token.ts'

export function modeFor(deps: Pick<Deps, 'db'>, personId: string, kind: NotificationKind): NotificationMode {
  if (ESSENTIAL_KINDS.includes(kind)) return 'immediate'
  return settingFor(deps.db, personId, kind) ?? DEFAULT_MODES[kind]
}

export function localeOf(person: Pick<Recipient, 'locale'>): Locale {
  return isLocale(person.locale) ? person.locale : 'de'
}

/**
 * Tells the people a `kind` of event concerns: an entry in their in-app list, and a mail in the
 * outbox for those who want it at once (the digest collects the rest). Call it INSIDE the
 * transaction of the event: the mails commit with it or not at all, and the sender job delivers
 * them after the commit. Returns how many people were told.
 */
export function queueNotification<K extends NotificationKind>(deps: Deps, kind: K, input: KindInputs[K]): number {
  const spec = KINDS[kind]
  return transaction(deps.db, () => {
    const prepared = spec.prepare(deps.db, input)
    if (!prepared) return 0
    const now = deps.now()
    const people = recipientsByIds(deps.db, [...new Set(prepared.recipients)])
    for (const person of people) {
      const mode = modeFor(deps, person.id, kind)
      if (spec.inApp) {
        insertNotification(deps.db, {
          id: newId(),
          person_id: person.id,
          kind,
          payload: JSON.stringify(prepared.facts),
          url: prepared.facts.url,
          created_at: now,
          read_at: null,
          digest_pending: mode === 'digest' ? 1 : 0,
        })
      }
      if (mode === 'immediate') queueMail(deps, kind, prepared.facts, person)
    }
    for (const next of prepared.then ?? []) queueNotification(deps, next.kind, next.input as never)
    deps.notifications.wake()
    return people.length
  })
}

function queueMail(deps: Deps, kind: NotificationKind, facts: Facts, person: Recipient): void {
  const locale = localeOf(person)
  const rendered = renderNotification(kind, facts, locale, deps.config.publicUrl)
  const attachments =
    KINDS[kind].calendar && facts.roundId && facts.closesAt !== undefined
      ? [
          {
            filename: 'frist.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: roundCalendar(
              [{ roundId: facts.roundId, summary: translator(locale)('notify.calendar.event', { title: facts.title ?? '' }), url: rendered.action.url, closesAt: facts.closesAt }],
              new URL(deps.config.publicUrl).hostname,
              'Sprachrohr',
            ),
          },
        ]
      : null
  storeMail(deps, { kind, person, locale, subject: rendered.subject, blocks: [rendered], unsubscribeTopic: ESSENTIAL_KINDS.includes(kind) ? null : kind, attachments })
}

export interface MailAttachment {
  filename: string
  contentType: string
  content: string
}

/** Writes one composed mail into the outbox (due at once). */
export function storeMail(
  deps: Deps,
  mail: { kind: string; person: Recipient; locale: Locale; subject: string; blocks: MailBlock[]; unsubscribeTopic: string | null; attachments: MailAttachment[] | null },
): void {
  const unsubscribe = mail.unsubscribeTopic === null ? null : unsubscribeUrl(deps, mail.person.id, mail.unsubscribeTopic)
  const { text, html } = composeMail({ locale: mail.locale, name: mail.person.name, blocks: mail.blocks, unsubscribeUrl: unsubscribe, settingsUrl: `${deps.config.publicUrl}/me#notifications` })
  const now = deps.now()
  insertMail(deps.db, {
    id: newId(),
    person_id: mail.person.id,
    kind: mail.kind,
    to_address: mail.person.email,
    locale: mail.locale,
    subject: mail.subject,
    text_body: text,
    html_body: html,
    attachments: mail.attachments ? JSON.stringify(mail.attachments) : null,
    unsubscribe_url: unsubscribe,
    created_at: now,
    next_attempt_at: now,
    last_error: null,
    sent_at: null,
    failed_at: null,
  })
}
