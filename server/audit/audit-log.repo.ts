import type { Db } from '../../db/connection.ts'
import { all } from '../../db/query.ts'

export interface LoggedEvent {
  id: number
  at: number
  actor_id: string | null
  actor_name: string | null
  action: string
  object_type: string
  object_id: string
  data: string
  hash: string | null
}

/**
 * The record of one position: its own events and those of its rounds. Ballots are left out:
 * a history lists what happened to the text, and a secret round's ballots must not be lined up
 * against anything.
 */
export function positionEvents(db: Db, positionId: string): LoggedEvent[] {
  return all(
    db,
    db.q
      .selectFrom('audit_events as e')
      .leftJoin('people as p', 'p.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.actor_id', 'p.name as actor_name', 'e.action', 'e.object_type', 'e.object_id', 'e.data', 'e.hash'])
      .where((eb) =>
        eb.or([
          eb.and([eb('e.object_type', '=', 'position'), eb('e.object_id', '=', positionId)]),
          eb.and([
            eb('e.object_type', '=', 'round'),
            eb('e.action', 'not like', 'ballot.%'),
            eb('e.object_id', 'in', eb.selectFrom('rounds').select('rounds.id').where('rounds.position_id', '=', positionId)),
          ]),
        ]),
      )
      .orderBy('e.id'),
  )
}

export interface AuditFilter {
  personId?: string | undefined
  positionId?: string | undefined
  action?: string | undefined
  /** Events older than this id (the next page). */
  beforeId?: number | undefined
  limit: number
}

/** The whole log, newest first, filtered by who, which position (its rounds included) and what. */
export function filteredEvents(db: Db, filter: AuditFilter): LoggedEvent[] {
  let query = db.q
    .selectFrom('audit_events as e')
    .leftJoin('people as p', 'p.id', 'e.actor_id')
    .select(['e.id', 'e.at', 'e.actor_id', 'p.name as actor_name', 'e.action', 'e.object_type', 'e.object_id', 'e.data', 'e.hash'])
  if (filter.personId) query = query.where('e.actor_id', '=', filter.personId)
  if (filter.action) query = query.where('e.action', '=', filter.action)
  if (filter.beforeId !== undefined) query = query.where('e.id', '<', filter.beforeId)
  const positionId = filter.positionId
  if (positionId) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('e.object_type', '=', 'position'), eb('e.object_id', '=', positionId)]),
        eb.and([eb('e.object_type', '=', 'round'), eb('e.object_id', 'in', eb.selectFrom('rounds').select('rounds.id').where('rounds.position_id', '=', positionId))]),
      ]),
    )
  }
  return all(db, query.orderBy('e.id', 'desc').limit(filter.limit))
}

/** The kinds of event in the log, for the filter. */
export function eventActions(db: Db): string[] {
  return all(db, db.q.selectFrom('audit_events').select('action').distinct().orderBy('action')).map((r) => r.action)
}

/** People who appear as actors, for the filter. */
export function eventActors(db: Db): Array<{ id: string; name: string }> {
  return all(
    db,
    db.q.selectFrom('people').select(['people.id', 'people.name']).where('people.id', 'in', db.q.selectFrom('audit_events').select('actor_id').where('actor_id', 'is not', null).distinct()).orderBy('people.name'),
  ) as Array<{ id: string; name: string }>
}
