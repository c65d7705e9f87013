import { newId } from '../../db/ids.ts'
import { transaction } from '../../db/query.ts'
import type { Locale } from '../../shared/i18n/index.ts'
import type { Languages } from '../../shared/i18n/languages.ts'
import { DEFAULT_MODES, ESSENTIAL_KINDS, type NotificationKind } from '../../shared/notifications/kinds.ts'
import type { Deps } from '../deps.ts'
import { composeMail, type MailBlock } from './compose-mail.ts'
import { KINDS, type Facts, type KindInputs } from './kinds.ts'
import { insertMail, insertNotification, recipientsByIds, settingsForKind, type Recipient } from './notification.repo.ts'
import { renderNotification, type RenderedNotification } from './render-notification.ts'
import { roundCalendar } from './round-calendar.ts'
import { unsubscribeSigner } from './unsubscribe-token.ts'

/** The language a person's mails are written in: theirs if it is (still) installed, else German. */
export function localeOf(languages: Languages, person: Pick<Recipient, 'locale'>): Locale {
  return languages.installed(person.locale) ?? 'de'
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
    // The words and the calendar file are the same for everybody of one language: made once
    // (a large electorate is told inside the event's transaction, so each recipient must be cheap).
    const mail = mailMaker(deps, kind, prepared.facts)
    const chosen = settingsForKind(deps.db, kind)
    const essential = ESSENTIAL_KINDS.includes(kind)
    const payload = JSON.stringify(prepared.facts)
    for (const person of people) {
      const mode = essential ? 'immediate' : (chosen.get(person.id) ?? DEFAULT_MODES[kind])
      if (spec.inApp) {
        insertNotification(deps.db, {
          id: newId(),
          person_id: person.id,
          kind,
          payload,
          url: prepared.facts.url,
          created_at: now,
          read_at: null,
          digest_pending: mode === 'digest' ? 1 : 0,
        })
      }
      if (mode === 'immediate') mail(person)
    }
    for (const next of prepared.then ?? []) queueNotification(deps, next.kind, next.input as never)
    deps.notifications.wake()
    return people.length
  })
}

function mailMaker(deps: Deps, kind: NotificationKind, facts: Facts): (person: Recipient) => void {
  const byLocale = new Map<Locale, { rendered: RenderedNotification; attachments: MailAttachment[] | null }>()
  const sign = unsubscribeSigner(deps)
  const topic = ESSENTIAL_KINDS.includes(kind) ? null : kind
  return (person) => {
    const locale = localeOf(deps.languages, person)
    let made = byLocale.get(locale)
    if (!made) {
      const rendered = renderNotification(kind, facts, deps.languages.translator(locale), deps.config.publicUrl)
      made = { rendered, attachments: calendarAttachment(deps, kind, facts, locale, rendered.action.url) }
      byLocale.set(locale, made)
    }
    storeMail(deps, { kind, person, locale, subject: made.rendered.subject, blocks: [made.rendered], unsubscribeUrl: topic && sign(person.id, topic), attachments: made.attachments })
  }
}

/** The round's deadline (or its cancellation) as an .ics, for the kinds that carry one; also attached to the digest. */
export function calendarAttachment(deps: Deps, kind: NotificationKind, facts: Facts, locale: Locale, url: string): MailAttachment[] | null {
  const calendar = KINDS[kind].calendar
  if (!calendar || !facts.roundId || facts.closesAt === undefined) return null
  const summary = deps.languages.translator(locale)('notify.calendar.event', { title: facts.title ?? '' })
  // A cancellation is one more change of the event than the last extension.
  const method = calendar === 'cancel' ? 'CANCEL' : 'PUBLISH'
  const sequence = (facts.calendarSequence ?? 0) + (calendar === 'cancel' ? 1 : 0)
  return [
    {
      filename: 'frist.ics',
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      content: roundCalendar([{ roundId: facts.roundId, summary, url, closesAt: facts.closesAt, sequence }], {
        host: new URL(deps.config.publicUrl).hostname,
        name: 'Sprachrohr',
        stamp: deps.now(),
        method,
        organizer: deps.notifications.mailFrom,
      }),
    },
  ]
}

export interface MailAttachment {
  filename: string
  contentType: string
  content: string
}

/** Writes one composed mail into the outbox (due at once). */
export function storeMail(
  deps: Deps,
  mail: { kind: string; person: Recipient; locale: Locale; subject: string; blocks: MailBlock[]; unsubscribeUrl: string | null; attachments: MailAttachment[] | null },
): void {
  const unsubscribe = mail.unsubscribeUrl
  const { text, html } = composeMail({ t: deps.languages.translator(mail.locale), dir: deps.languages.info(mail.locale).dir, name: mail.person.name, blocks: mail.blocks, unsubscribeUrl: unsubscribe, settingsUrl: `${deps.config.publicUrl}/me#notifications` })
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
