import type { Actor } from '../../shared/policy.ts'
import type { AwarenessUser } from './awareness-relay.ts'
import type { CloseReason } from './close-codes.ts'

/** What the core needs from a transport (a websocket, or a test double). */
export interface SyncTransport {
  send(message: Uint8Array): void
  /** Ends the connection from the server side; the transport later calls `core.close(conn)`. */
  close(reason: CloseReason): void
}

/** The person behind a connection, resolved from the session at the upgrade. */
export interface SyncPerson {
  id: string
  name: string
  actor: Actor
  /** The session the connection was opened with: logging out of it ends the connection. */
  sessionId?: string
}

// A browser writes under one client id per page load; a resync after offline editing may bring
// a few more. Enough to always hold the one an editor asks about (see `wrote`).
const MAX_WRITER_IDS = 16

/** One open connection to one draft. Created by `SyncCore.open`, never by hand. */
export class SyncConnection {
  closed = false
  /** May this connection change the draft right now (its rights and the draft's read-only switch)? */
  writable: boolean
  /** Update-carrying messages (sync step 2, update) received so far, refused ones included: the count in our save acknowledgements. */
  updatesReceived = 0
  /** Yjs client ids whose edits came through this connection (the latest MAX_WRITER_IDS): what its save acknowledgements report. */
  readonly writerIds = new Set<number>()

  constructor(
    readonly id: number,
    readonly positionId: string,
    readonly person: SyncPerson,
    /** What the person may do by their role: edit (members of the group, admins) or only read. */
    readonly mayEdit: boolean,
    readonly user: AwarenessUser,
    readonly transport: SyncTransport,
    draftReadonly: boolean,
  ) {
    this.writable = mayEdit && !draftReadonly
  }

  /**
   * Notes a client id this connection wrote under. When the set is full the oldest goes: an
   * editor's own id comes with each of its edits, so it is back in the next acknowledgement.
   */
  wrote(client: number): void {
    const ids = this.writerIds
    if (ids.has(client)) return
    if (ids.size >= MAX_WRITER_IDS) ids.delete(ids.values().next().value!)
    ids.add(client)
  }

  send(message: Uint8Array): void {
    if (this.closed) return
    try {
      this.transport.send(message)
    } catch {
      // a socket that died between our check and the send: its close event cleans up
    }
  }
}
