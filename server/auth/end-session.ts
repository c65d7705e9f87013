import type { Deps } from '../deps.ts'
import { invalidateSession } from './sessions.ts'

/**
 * Logs a session out: deletes it and tells whoever holds connections opened with it (the sync
 * endpoint), since a websocket outlives the request that checked its cookie.
 */
export function endSession(deps: Deps, sessionId: string): void {
  invalidateSession(deps.db, sessionId)
  deps.events.emit('session-ended', { sessionId })
}
