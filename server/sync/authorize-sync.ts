import { fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { sessionTokenFromCookieHeader } from '../auth/session-cookie.ts'
import { validateSessionToken } from '../auth/sessions.ts'
import type { Deps } from '../deps.ts'
import { loadActor } from '../people/load-actor.ts'
import type { SyncPerson } from './sync-connection.ts'
import { getSyncPosition } from './sync-position.repo.ts'

export interface SyncUpgradeRequest {
  positionId: string
  origin: string | undefined
  cookieHeader: string | undefined
}

/**
 * Decides at the websocket upgrade, before anything is accepted: a page of ours (Origin), a
 * valid session of a person who is not disabled, a position that exists. Whether the person
 * may write is decided per connection by the core; everyone logged in may read.
 */
export function authorizeSyncUpgrade(deps: Deps, request: SyncUpgradeRequest): SyncPerson {
  // Browsers always send Origin on websocket handshakes; without this check any site could
  // open a socket riding on the visitor's cookie (cross-site websocket hijacking).
  if (request.origin !== deps.config.publicUrl) fail('csrf', 'websocket from a foreign origin')
  const token = sessionTokenFromCookieHeader(request.cookieHeader, deps.config) ?? fail('unauthenticated')
  const valid = validateSessionToken(deps.db, token, deps.now()) ?? fail('unauthenticated')
  const person = valid.person
  if (person.disabled === 1) fail('unauthenticated')
  const actor = loadActor(deps.db, person)
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  if (!getSyncPosition(deps.db, request.positionId)) fail('not_found')
  return { id: person.id, name: person.name, actor, sessionId: valid.session.id }
}
