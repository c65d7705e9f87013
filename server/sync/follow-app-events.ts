import type { Deps } from '../deps.ts'
import { closePerson, closeSession, reviewAccess } from './sync-access.ts'
import type { SyncCore } from './sync-core.ts'

/**
 * Keeps the sync core in step with the rest of the app: a draft becoming read-only, people and
 * sessions locked out, rights changed, a version about to be frozen. Returns the function that
 * stops following.
 */
export function followAppEvents(core: SyncCore, deps: Deps): () => void {
  const events = deps.events
  const onDraftReadonly = ({ positionId, readonly }: { positionId: string; readonly: boolean }) => core.setReadOnly(positionId, readonly)
  const onPersonLockedOut = ({ personId }: { personId: string }) => closePerson(core, personId, 'unauthenticated')
  const onSessionEnded = ({ sessionId }: { sessionId: string }) => closeSession(core, sessionId, 'unauthenticated')
  const onAccessChanged = ({ personIds }: { personIds: readonly string[] }) => reviewAccess(core, deps, personIds)
  // Stores everything pending (not only this draft's): one commit, and the order of relays stays intact.
  const onDraftFreeze = () => core.flush()
  const onDraftWrite = ({ positionId, update, taken }: { positionId: string; update: Uint8Array; taken: () => void }) => {
    if (core.applyServerUpdate(positionId, update)) taken()
  }
  events.on('draft-readonly', onDraftReadonly)
  events.on('person-disabled', onPersonLockedOut)
  events.on('person-sessions-ended', onPersonLockedOut)
  events.on('access-changed', onAccessChanged)
  events.on('draft-freeze', onDraftFreeze)
  events.on('session-ended', onSessionEnded)
  events.on('draft-write', onDraftWrite)
  return () => {
    events.off('draft-write', onDraftWrite)
    events.off('draft-readonly', onDraftReadonly)
    events.off('person-disabled', onPersonLockedOut)
    events.off('person-sessions-ended', onPersonLockedOut)
    events.off('access-changed', onAccessChanged)
    events.off('draft-freeze', onDraftFreeze)
    events.off('session-ended', onSessionEnded)
  }
}
