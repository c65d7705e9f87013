import { transaction } from '../../db/query.ts'
import { DEFAULT_TIME_ZONE } from '../../shared/publishing/result-sentence.ts'
import type { NotificationKind } from '../../shared/notifications/kinds.ts'
import { fromLocalInput, toLocalInput } from '../../shared/zoned-time.ts'
import type { Deps } from '../deps.ts'
import type { Facts } from './kinds.ts'
import { clearDigest, pendingDigest, recipientsByIds } from './notification.repo.ts'
import { calendarAttachment, localeOf, storeMail, type MailAttachment } from './queue-notification.ts'
import { renderNotification } from './render-notification.ts'
import { unsubscribeSigner } from './unsubscribe-token.ts'

/** The daily digest goes out at this hour of the alliance's wall clock. */
export const DIGEST_HOUR = 7

/** The latest digest time at or before `now` (07:00 in the alliance's zone, today or yesterday). */
export function lastDigestTime(now: number): number {
  const today = toLocalInput(now, DEFAULT_TIME_ZONE).slice(0, 10)
  const at = fromLocalInput(`${today}T${String(DIGEST_HOUR).padStart(2, '0')}:00`, DEFAULT_TIME_ZONE)!
  if (at <= now) return at
  const yesterday = toLocalInput(now - 24 * 3600_000, DEFAULT_TIME_ZONE).slice(0, 10)
  return fromLocalInput(`${yesterday}T${String(DIGEST_HOUR).padStart(2, '0')}:00`, DEFAULT_TIME_ZONE)!
}

/** One mail per person with everything collected before the last digest time; returns how many mails. */
export function queueDigests(deps: Deps): number {
  return transaction(deps.db, () => {
    const pending = pendingDigest(deps.db, lastDigestTime(deps.now()))
    if (pending.length === 0) return 0
    const byPerson = new Map<string, typeof pending>()
    for (const n of pending) byPerson.set(n.person_id, [...(byPerson.get(n.person_id) ?? []), n])
    const people = new Map(recipientsByIds(deps.db, [...byPerson.keys()]).map((p) => [p.id, p]))
    const sign = unsubscribeSigner(deps)
    let mails = 0
    for (const [personId, items] of byPerson) {
      const person = people.get(personId)
      if (!person) continue
      const locale = localeOf(deps.languages, person)
      const t = deps.languages.translator(locale)
      // A changed deadline collected here still updates the person's calendar: its .ics comes along.
      const attachments: MailAttachment[] = []
      const blocks = items.map((n) => {
        const facts = JSON.parse(n.payload) as Facts
        const r = renderNotification(n.kind as NotificationKind, facts, t, deps.config.publicUrl)
        attachments.push(...(calendarAttachment(deps, n.kind as NotificationKind, facts, locale, r.action.url) ?? []))
        return { heading: r.subject, paragraphs: r.paragraphs.slice(0, 1), action: r.action }
      })
      blocks.unshift({ heading: '', paragraphs: [t('notify.digest.body')], action: { label: t('notify.digest.action'), url: `${deps.config.publicUrl}/notifications` } })
      storeMail(deps, { kind: 'digest', person, locale, subject: t('notify.digest.subject', { n: items.length }), blocks, unsubscribeUrl: sign(person.id, 'digest'), attachments: attachments.length > 0 ? attachments : null })
      mails++
    }
    clearDigest(deps.db, pending.map((n) => n.id))
    if (mails > 0) deps.notifications.wake()
    return mails
  })
}
