import { encodeSavedMessage } from '../../shared/sync/protocol.ts'
import type { LiveDoc } from './live-doc.ts'
import type { SyncConnection } from './sync-connection.ts'

/**
 * The connections owed a save acknowledgement: those whose updates this event-loop turn took.
 * Released after the turn's commit, so an acknowledgement never runs ahead of the database. One
 * per connection and commit however many updates it sent.
 */
export class SaveAcks {
  private readonly owed = new Set<SyncConnection>()

  owe(conn: SyncConnection): void {
    this.owed.add(conn)
  }

  /** Sends the acknowledgements; `docOf` gives a connection's draft, or null when it must not be acknowledged (not stored). */
  release(docOf: (conn: SyncConnection) => LiveDoc | null): void {
    if (this.owed.size === 0) return
    for (const conn of this.owed) {
      const doc = conn.closed ? null : docOf(conn)
      if (!doc) continue
      conn.send(encodeSavedMessage({ stateVector: doc.stateVectorOf(conn.writerIds), updates: conn.updatesReceived }))
    }
    this.owed.clear()
  }

  /** Forgets what is owed (nothing was stored). */
  clear(): void {
    this.owed.clear()
  }
}
