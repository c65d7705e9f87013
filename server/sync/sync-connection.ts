import type { Actor } from '../../shared/policy.ts'
import type { ReadOnlyReason } from '../../shared/sync/protocol.ts'
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
  /** May this connection change the draft right now (its rights, the draft's read-only switch, the size limit)? */
  writable: boolean
  /** Why it may not write, when it may not: what its editor shows. */
  reason: ReadOnlyReason = 'read-only'
  /** An update of this connection was refused because the draft reached its size limit. */
  tooLarge = false
  /** Its right to write was taken away while it was connected (the reason to show). */
  private rightsRemoved = false
  /** Update-carrying messages (sync step 2, update) received so far, refused ones included: the count in our save acknowledgements. */
  updatesReceived = 0
  /** Yjs client ids whose edits came through this connection (the latest MAX_WRITER_IDS): what its save acknowledgements report. */
  readonly writerIds = new Set<number>()

  constructor(
    readonly id: number,
    readonly positionId: string,
    readonly person: SyncPerson,
    /** What the person may do by their role: edit (members of the group, admins) or only read. */
    public mayEdit: boolean,
    readonly user: AwarenessUser,
    readonly transport: SyncTransport,
    draftReadonly: boolean,
  ) {
    this.writable = mayEdit && !draftReadonly
  }

  /**
   * Decides again what this connection may do, from the person's rights now, the draft's
   * read-only switch and the size limit. Returns true when access or reason changed (the client
   * must be told).
   */
  decide(mayEdit: boolean, draftReadonly: boolean): boolean {
    if (this.mayEdit && !mayEdit) this.rightsRemoved = true
    else if (mayEdit) this.rightsRemoved = false
    this.mayEdit = mayEdit
    const writable = mayEdit && !draftReadonly && !this.tooLarge
    const reason: ReadOnlyReason = !mayEdit
      ? this.rightsRemoved
        ? 'rights-removed'
        : 'read-only'
      : draftReadonly
        ? 'read-only'
        : this.tooLarge
          ? 'draft-too-large'
          : 'read-only'
    const changed = writable !== this.writable || (!writable && reason !== this.reason)
    this.writable = writable
    this.reason = reason
    return changed
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
