import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { MailOutboxTable, NotificationRow, NotificationsTable } from '../../db/schema/notifications.ts'
import type { Insertable } from 'kysely'
import type { NotificationMode } from '../../shared/notifications/kinds.ts'
import { extensionCount } from '../rounds/round-change.repo.ts'

export interface Recipient {
  id: string
  email: string
  name: string
  locale: string | null
}

/** These people (not disabled), with what a mail to them needs. */
export function recipientsByIds(db: Db, ids: readonly string[]): Recipient[] {
  if (ids.length === 0) return []
  const out: Recipient[] = []
  // SQLite limits bound parameters; large electorates are read in slices.
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500)
    out.push(...all(db, db.q.selectFrom('people').select(['id', 'email', 'name', 'locale']).where('id', 'in', slice).where('disabled', '=', 0)))
  }
  return out
}

export function settingsOf(db: Db, personId: string): Map<string, NotificationMode> {
  const rows = all(db, db.q.selectFrom('notification_settings').select(['kind', 'mode']).where('person_id', '=', personId))
  return new Map(rows.map((r) => [r.kind, r.mode]))
}

export function storeSetting(db: Db, personId: string, kind: string, mode: NotificationMode): void {
  run(
    db,
    db.q
      .insertInto('notification_settings')
      .values({ person_id: personId, kind, mode })
      .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ mode })),
  )
}

// A large electorate is told inside the event's transaction: the per-recipient inserts are
// compiled once (building and compiling a Kysely query costs more than running it).
const insertNotificationQuery = compiledQuery(
  (q, id: string, personId: string, kind: string, payload: string, url: string, createdAt: number, digestPending: number) =>
    q.insertInto('notifications').values({ id, person_id: personId, kind, payload, url, created_at: createdAt, read_at: null, digest_pending: digestPending }),
)

export function insertNotification(db: Db, row: Insertable<NotificationsTable> & { digest_pending: number }): void {
  run(db, insertNotificationQuery(db, row.id, row.person_id, row.kind, row.payload, row.url, row.created_at, row.digest_pending))
}

const insertMailQuery = compiledQuery(
  (
    q,
    id: string,
    personId: string | null,
    kind: string,
    to: string,
    locale: string,
    subject: string,
    text: string,
    html: string,
    attachments: string | null,
    unsubscribe: string | null,
    createdAt: number,
    nextAttemptAt: number,
  ) =>
    q.insertInto('mail_outbox').values({
      id,
      person_id: personId,
      kind,
      to_address: to,
      locale,
      subject,
      text_body: text,
      html_body: html,
      attachments,
      unsubscribe_url: unsubscribe,
      created_at: createdAt,
      next_attempt_at: nextAttemptAt,
    }),
)

export function insertMail(db: Db, row: Insertable<MailOutboxTable>): void {
  run(
    db,
    insertMailQuery(db, row.id, row.person_id ?? null, row.kind, row.to_address, row.locale, row.subject, row.text_body, row.html_body, row.attachments ?? null, row.unsubscribe_url ?? null, row.created_at, row.next_attempt_at),
  )
}

/** The modes these people chose for one kind (people who never chose are missing). */
export function settingsForKind(db: Db, kind: string): Map<string, NotificationMode> {
  return new Map(all(db, db.q.selectFrom('notification_settings').select(['person_id', 'mode']).where('kind', '=', kind)).map((r) => [r.person_id, r.mode]))
}

export function listNotifications(db: Db, personId: string, limit: number): NotificationRow[] {
  return all(db, db.q.selectFrom('notifications').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').orderBy('id').limit(limit))
}

export function unreadCount(db: Db, personId: string): number {
  return (
    first(db, db.q.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).where('read_at', 'is', null))?.n ?? 0
  )
}

export function markAllRead(db: Db, personId: string, now: number): number {
  return run(db, db.q.updateTable('notifications').set({ read_at: now }).where('person_id', '=', personId).where('read_at', 'is', null)).changes
}

/** Notifications waiting for a digest that were created before `before`, oldest first. */
export function pendingDigest(db: Db, before: number): NotificationRow[] {
  return all(db, db.q.selectFrom('notifications').selectAll().where('digest_pending', '=', 1).where('created_at', '<', before).orderBy('person_id').orderBy('created_at'))
}

export function clearDigest(db: Db, ids: readonly string[]): void {
  for (let i = 0; i < ids.length; i += 500) run(db, db.q.updateTable('notifications').set({ digest_pending: 0 }).where('id', 'in', ids.slice(i, i + 500)))
}

/** The value of a named secret, created (random, 32 bytes) on first use. */
export function appSecret(db: Db, name: string, create: () => Buffer, now: number): Buffer {
  run(db, db.q.insertInto('app_secrets').values({ name, value: create(), created_at: now }).onConflict((oc) => oc.column('name').doNothing()))
  return Buffer.from(first(db, db.q.selectFrom('app_secrets').select('value').where('name', '=', name))!.value)
}

/** A round on a version or an amendment round: each kind keeps its reminders in its own table (same columns). */
export interface ReminderRound {
  id: string
  amendments: boolean
}

const remindersOf = (round: Pick<ReminderRound, 'amendments'>) => (round.amendments ? 'amendment_round_reminders' : 'round_reminders') as 'round_reminders'

export function lastReminder(db: Db, round: ReminderRound, kind: 'closing_soon' | 'nudge'): number | null {
  return first(db, db.q.selectFrom(remindersOf(round)).select((eb) => eb.fn.max<number | null>('sent_at').as('at')).where('round_id', '=', round.id).where('kind', '=', kind))?.at ?? null
}

export function recordReminder(db: Db, round: ReminderRound, row: { kind: 'closing_soon' | 'nudge'; sent_by: string | null; sent_at: number; recipients: number }): void {
  run(db, db.q.insertInto(remindersOf(round)).values({ round_id: round.id, ...row }))
}

/**
 * Open rounds (on a version, then amendment rounds) whose deadline is within `windowMs`, that
 * were opened at least `windowMs` before it and got no reminder yet.
 */
export function roundsToRemind(db: Db, now: number, windowMs: number): ReminderRound[] {
  const due = (amendments: boolean) =>
    all(
      db,
      db.q
        .selectFrom(`${amendments ? 'amendment_rounds' : 'rounds'} as r` as 'rounds as r')
        .select('r.id')
        .where('r.status', '=', 'open')
        .where('r.closes_at', '>', now)
        .where('r.closes_at', '<=', now + windowMs)
        .where(sql<boolean>`r.closes_at - r.opened_at >= ${windowMs}`)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom(`${remindersOf({ amendments })} as m` as 'round_reminders as m').select('m.id').whereRef('m.round_id', '=', 'r.id').where('m.kind', '=', 'closing_soon'))),
        ),
    ).map((r) => ({ id: r.id, amendments }))
  return [...due(false), ...due(true)]
}

export function calendarNonce(db: Db, personId: string): Buffer | undefined {
  const row = first(db, db.q.selectFrom('calendar_feeds').select('nonce').where('person_id', '=', personId))
  return row && Buffer.from(row.nonce)
}

export function storeCalendarNonce(db: Db, personId: string, nonce: Buffer, now: number): void {
  run(
    db,
    db.q
      .insertInto('calendar_feeds')
      .values({ person_id: personId, nonce, created_at: now })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ nonce, created_at: now })),
  )
}

/** Open amendment rounds this person can answer in, as openRoundsFor (their own tables; SEQUENCE from amendment_round_extensions). */
export function openAmendmentRoundsFor(db: Db, personId: string): Array<{ id: string; title: string; closes_at: number; extensions: number }> {
  const initiatives = db.q.selectFrom('initiative_memberships').select('initiative_id').where('person_id', '=', personId).where('role', '=', 'delegate')
  return all(
    db,
    db.q
      .selectFrom('amendment_rounds as r')
      .innerJoin('positions as p', 'p.id', 'r.position_id')
      .select(['r.id', 'p.title', 'r.closes_at'])
      .select((eb) => eb.selectFrom('amendment_round_extensions as ext').select((e) => e.fn.countAll<number>().as('n')).whereRef('ext.round_id', '=', 'r.id').as('extensions'))
      .where('r.status', '=', 'open')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('amendment_round_electorate as e')
            .select('e.voter_key')
            .whereRef('e.round_id', '=', 'r.id')
            .where((w) => w.or([w.and([w('r.electorate', '=', 'members'), w('e.voter_key', '=', personId)]), w.and([w('r.electorate', '=', 'initiatives'), w('e.voter_key', 'in', initiatives)])])),
        ),
      )
      .orderBy('r.closes_at')
      .limit(500),
  ).map((r) => ({ ...r, extensions: Number(r.extensions ?? 0) }))
}

/** Open rounds this person can answer in (as a member, or as a delegate of an initiative in the electorate), by deadline. */
export function openRoundsFor(db: Db, personId: string): Array<{ id: string; title: string; closes_at: number; extensions: number }> {
  const initiatives = db.q.selectFrom('initiative_memberships').select('initiative_id').where('person_id', '=', personId).where('role', '=', 'delegate')
  return all(
    db,
    db.q
      .selectFrom('rounds as r')
      .innerJoin('positions as p', 'p.id', 'r.position_id')
      .select(['r.id', 'p.title', 'r.closes_at'])
      .select(extensionCount().as('extensions'))
      .where('r.status', '=', 'open')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('round_electorate as e')
            .select('e.voter_key')
            .whereRef('e.round_id', '=', 'r.id')
            .where((w) => w.or([w.and([w('r.electorate', '=', 'members'), w('e.voter_key', '=', personId)]), w.and([w('r.electorate', '=', 'initiatives'), w('e.voter_key', 'in', initiatives)])])),
        ),
      )
      .orderBy('r.closes_at')
      .limit(500),
  ).map((r) => ({ ...r, extensions: Number(r.extensions ?? 0) }))
}
