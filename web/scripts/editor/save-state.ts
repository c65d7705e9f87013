import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { isUpdateMessage, type SavedAck } from '../../../shared/sync/protocol.ts'

/**
 * The browser's WebSocket, counting the update-carrying messages y-websocket sends on it: the
 * server's acknowledgements carry how many of those it had received when it committed.
 */
export class CountingWebSocket extends WebSocket {
  updatesSent = 0

  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (data instanceof Uint8Array && isUpdateMessage(data)) this.updatesSent++
    super.send(data)
  }
}

/**
 * Whether the server has stored everything this browser wrote, from its acknowledgements
 * (shared/sync/protocol.ts AUTH_SAVED). y-websocket itself has no acknowledgement: being
 * connected and synced does not mean the last keystroke reached the database.
 */
export class SaveState {
  private last: { socket: WebSocket; updates: number; stateVector: Map<number, number> } | null = null

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly doc: Y.Doc,
  ) {}

  /** Records an acknowledgement; it arrived on the provider's current socket. */
  acknowledge(ack: SavedAck): void {
    const socket = this.provider.ws
    if (socket) this.last = { socket, updates: ack.updates, stateVector: Y.decodeStateVector(ack.stateVector) }
  }

  /**
   * Saved: an acknowledgement on this very socket counts every update message sent on it (so
   * deletions, which leave the state vector as it was, are covered too), and its state vector
   * covers all this document holds from its own client id (an update sent but not yet taken in
   * by the server, or one made while the socket was not open, is not).
   */
  saved(): boolean {
    const socket = this.provider.ws
    const last = this.last
    if (!(socket instanceof CountingWebSocket) || !last || last.socket !== socket) return false
    if (last.updates < socket.updatesSent) return false
    const id = this.doc.clientID
    return (last.stateVector.get(id) ?? 0) >= Y.getState(this.doc.store, id)
  }
}
