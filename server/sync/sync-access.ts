import type { Deps } from '../deps.ts'
import { loadActor } from '../people/load-actor.ts'
import { getPerson } from '../people/person.repo.ts'
import type { CloseReason } from './close-codes.ts'
import type { SyncCore } from './sync-core.ts'

/**
 * Decides again what the open connections of these people may do, after their rights changed
 * (a working-group membership, a role, an initiative's active flag): the person's roles and
 * memberships are read afresh and each connection asks shared/policy.ts again. One that may no
 * longer write becomes read-only at once (its further updates are refused) and is told why;
 * one of a person who is gone or disabled is closed.
 */
export function reviewAccess(core: SyncCore, deps: Deps, personIds: readonly string[]): void {
  for (const personId of new Set(personIds)) {
    const open = core.connectionsOf(personId)
    if (open.length === 0) continue
    const person = getPerson(deps.db, personId)
    if (!person || person.disabled === 1) {
      closePerson(core, personId, 'unauthenticated')
      continue
    }
    const actor = loadActor(deps.db, person)
    for (const conn of open) {
      conn.person.actor = actor
      core.refreshAccess(conn)
    }
  }
}

/** Ends every connection of a person (e.g. disabled, or all sessions ended). */
export function closePerson(core: SyncCore, personId: string, reason: CloseReason = 'unauthenticated'): void {
  for (const conn of core.connectionsOf(personId)) {
    conn.transport.close(reason)
    core.close(conn)
  }
}

/** Ends every connection opened with a session (logged out). */
export function closeSession(core: SyncCore, sessionId: string, reason: CloseReason = 'unauthenticated'): void {
  for (const conn of [...core.connections()]) {
    if (conn.person.sessionId !== sessionId) continue
    conn.transport.close(reason)
    core.close(conn)
  }
}
