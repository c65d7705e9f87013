import type { Db } from '../../db/connection.ts'
import type { NotificationKind } from '../../shared/notifications/kinds.ts'
import { publishedResultOfRound, type PublishedResult } from '../../shared/publishing/result-sentence.ts'
import type { RoundResult } from '../../shared/rules/outcome.ts'
import { proposedNotice, replyNotice } from '../amendments/amendment-audience.ts'
import { mentionFacts, mentionRecipients } from '../comments/mention-audience.ts'
import { shownResultOf } from '../rounds/shown-result.ts'
import { amendmentFacts, amendmentOutcomes, electoratePeople, everyone, groupCoordinators, groupPeople, positionFacts, publicationFacts, roundFacts, spokespeople, type RoundFacts } from './audience.repo.ts'

/**
 * What a notification says, stored with it (JSON) so the in-app list and the digest can render it
 * later in the reader's language: facts, not words.
 */
export interface Facts {
  /** A path in the app (/rounds/…), or an absolute URL (setup links). */
  url: string
  title?: string
  roundKind?: 'consent' | 'vote' | 'amendments'
  /** An amendment round's result: each amendment's outcome. */
  amendmentOutcomes?: Array<{ number: number; outcome: 'adopted' | 'rejected' | 'no_quorum' }>
  roundId?: string
  closesAt?: number
  /** The round's calendar event changed this often (its extensions): the SEQUENCE of the .ics. */
  calendarSequence?: number
  reason?: string
  result?: PublishedResult
  expiresAt?: number
  /** Who wrote the comment that mentions the reader, the passage it is on and its text. */
  author?: string
  quote?: string
  text?: string
  /** An amendment's number (Ä3) and the version it is on. */
  amendment?: number
  versionNumber?: number
  /** The amendment (Ä<number>) a notification is about. */
  amendmentNumber?: number
}

/** What the event hands over: the one call at each place passes just this. */
export interface KindInputs {
  invitation: { personId: string; url: string; expiresAt: number }
  password_reset: { personId: string; url: string; expiresAt: number }
  round_opened: { roundId: string }
  closing_soon: { roundId: string }
  nudge: { roundId: string }
  deadline_extended: { roundId: string; reason: string }
  round_cancelled: { roundId: string }
  round_closed: { roundId: string }
  adopted: { positionId: string }
  published: { positionId: string }
  withdrawn: { positionId: string }
  mentioned: { commentId: string }
  amendment_conflict: { amendmentId: string }
  amendment_proposed: { amendmentId: string }
  amendment_reply: { commentId: string }
}

export type Followup = { [K in NotificationKind]: { kind: K; input: KindInputs[K] } }[NotificationKind]

export interface Prepared {
  facts: Facts
  recipients: string[]
  /** Notifications the same event causes as well (a close that adopted tells the spokespersons). */
  then?: Followup[]
}

export interface KindSpec<I> {
  /** Shown in the app's list (invitations are not: their reader cannot log in yet). */
  inApp: boolean
  /** Attach the round's deadline as an iCalendar event (`event`), or its cancellation (`cancel`). */
  calendar?: 'event' | 'cancel'
  prepare(db: Db, input: I): Prepared | undefined
}

const roundUrl = (f: RoundFacts) => `/rounds/${f.roundId}`
const roundBase = (f: RoundFacts): Facts => ({ url: roundUrl(f), title: f.title, roundKind: f.kind, roundId: f.roundId, closesAt: f.closesAt, calendarSequence: f.extensions })
const voters = (db: Db, f: RoundFacts, missingOnly: boolean) => 
  electoratePeople(db, f.roundId, { missingOnly, secret: f.secret, electorate: f.electorate, amendments: f.kind === 'amendments' })

function roundKind(prepare: (db: Db, f: RoundFacts) => Prepared | undefined): KindSpec<{ roundId: string }>['prepare'] {
  return (db, input) => {
    const facts = roundFacts(db, input.roundId)
    return facts && prepare(db, facts)
  }
}

const setupLink: KindSpec<{ personId: string; url: string; expiresAt: number }> = {
  inApp: false,
  prepare: (_db, input) => ({ facts: { url: input.url, expiresAt: input.expiresAt }, recipients: [input.personId] }),
}

/** Each kind: who gets it and what it says. Adding a kind: a line in shared/notifications/kinds.ts, an entry here, its messages. */
export const KINDS: { [K in NotificationKind]: KindSpec<KindInputs[K]> } = {
  invitation: setupLink,
  password_reset: setupLink,
  round_opened: {
    inApp: true,
    calendar: 'event',
    prepare: roundKind((db, f) => ({ facts: roundBase(f), recipients: voters(db, f, false) })),
  },
  closing_soon: { inApp: true, prepare: roundKind((db, f) => ({ facts: roundBase(f), recipients: voters(db, f, true) })) },
  nudge: { inApp: true, prepare: roundKind((db, f) => ({ facts: roundBase(f), recipients: voters(db, f, true) })) },
  deadline_extended: {
    inApp: true,
    calendar: 'event',
    prepare: (db, input) => {
      const f = roundFacts(db, input.roundId)
      return f && { facts: { ...roundBase(f), reason: input.reason }, recipients: [...voters(db, f, false), ...groupPeople(db, f.groupId)] }
    },
  },
  round_cancelled: {
    inApp: true,
    calendar: 'cancel',
    prepare: roundKind((db, f) => ({ facts: { ...roundBase(f), reason: f.cancelReason ?? '' }, recipients: [...voters(db, f, false), ...groupPeople(db, f.groupId)] })),
  },
  round_closed: {
    inApp: true,
    prepare: roundKind((db, f) => {
      if (f.kind === 'amendments') {
        if (f.status !== 'closed') return undefined
        return { facts: { ...roundBase(f), amendmentOutcomes: amendmentOutcomes(db, f.roundId) }, recipients: [...voters(db, f, false), ...groupPeople(db, f.groupId)] }
      }
      if (f.result === null || f.closedAt === null) return undefined
      const stored = JSON.parse(f.result) as RoundResult
      const shown = shownResultOf(db, { id: f.roundId, secret: f.secret ? 1 : 0 }, stored)
      return {
        facts: { ...roundBase(f), result: publishedResultOfRound(shown, f.electorate, f.closedAt) },
        recipients: [...voters(db, f, false), ...groupPeople(db, f.groupId)],
        then: stored.outcome === 'adopted' ? [{ kind: 'adopted', input: { positionId: f.positionId } }] : [],
      }
    }),
  },
  adopted: {
    inApp: true,
    prepare: (db, input) => {
      const p = positionFacts(db, input.positionId)
      return p && { facts: { url: `/positions/${p.id}`, title: p.title }, recipients: spokespeople(db) }
    },
  },
  published: {
    inApp: true,
    prepare: (db, input) => {
      const p = publicationFacts(db, input.positionId)
      return p && { facts: { url: `/p/${p.slug}`, title: p.title }, recipients: everyone(db) }
    },
  },
  withdrawn: {
    inApp: true,
    prepare: (db, input) => {
      const p = publicationFacts(db, input.positionId)
      return p && { facts: { url: `/p/${p.slug}`, title: p.title, reason: p.withdrawReason ?? '' }, recipients: everyone(db) }
    },
  },
  mentioned: {
    inApp: true,
    prepare: (db, input) => {
      const facts = mentionFacts(db, input.commentId)
      return facts && { facts, recipients: mentionRecipients(db, input.commentId) }
    },
  },
  amendment_conflict: {
    inApp: true,
    prepare: (db, input) => {
      const a = amendmentFacts(db, input.amendmentId)
      return (
        a && {
          facts: { url: `/positions/${a.positionId}/amendments#a-${a.number}`, title: a.title, amendment: a.number, versionNumber: a.versionNumber },
          recipients: groupCoordinators(db, a.groupId),
        }
      )
    },
  },
  amendment_proposed: { inApp: true, prepare: (db, input) => proposedNotice(db, input.amendmentId) },
  amendment_reply: { inApp: true, prepare: (db, input) => replyNotice(db, input.commentId) },
}
