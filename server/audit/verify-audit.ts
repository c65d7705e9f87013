import type { Db } from '../../db/connection.ts'
import type { AuditEventRow } from '../../db/schema/index.ts'
import { auditHash } from './audit-hash.ts'
import { auditEventsPage } from './audit.repo.ts'

export type AuditProblem =
  /** The event's fields no longer give its stored hash. */
  | { kind: 'changed'; id: number }
  /** The event was not written by the app (no hash), or sits where its predecessor says none belongs. */
  | { kind: 'inserted'; id: number }
  /** One or more events between `afterId` and `beforeId` are missing. */
  | { kind: 'removed'; afterId: number | null; beforeId: number }

export interface AuditVerification {
  ok: boolean
  events: number
  /** The first break of the chain, in id order. */
  problem: AuditProblem | null
  /** The newest event's hash: compare it with a copy kept elsewhere to see a cut-off end. */
  head: string | null
}

const PAGE = 1000

/**
 * Walks the audit log in id order and checks each event's hash and its link to the one before.
 * Names the first event that was changed, inserted, or the place where events were removed:
 * an event is taken as inserted when it has no hash at all, or when its neighbours link to each
 * other past it; any other link that does not fit is a removal.
 */
export function verifyAuditChain(db: Db): AuditVerification {
  let previous: AuditEventRow | null = null
  let beforePrevious: AuditEventRow | null = null
  let events = 0
  let pending: AuditEventRow[] = []
  let after = 0
  const next = (): AuditEventRow | undefined => {
    if (pending.length === 0) {
      pending = auditEventsPage(db, after, PAGE)
      if (pending.length) after = pending[pending.length - 1]!.id
    }
    return pending.shift()
  }
  const result = (problem: AuditProblem | null): AuditVerification => ({ ok: problem === null, events, problem, head: previous?.hash ?? null })
  let row = next()
  while (row) {
    events++
    if (!row.hash) return result({ kind: 'inserted', id: row.id })
    if (auditHash(row) !== row.hash) return result({ kind: 'changed', id: row.id })
    const expected = previous?.hash ?? null
    if (row.prev_hash !== expected) {
      // This event links past its predecessor: the predecessor was put in between.
      if (previous && row.prev_hash === (beforePrevious?.hash ?? null)) return result({ kind: 'inserted', id: previous.id })
      const following = next()
      if (following && following.prev_hash === expected && expected !== null) return result({ kind: 'inserted', id: row.id })
      if (following) pending.unshift(following)
      return result({ kind: 'removed', afterId: previous?.id ?? null, beforeId: row.id })
    }
    beforePrevious = previous
    previous = row
    row = next()
  }
  return result(null)
}
