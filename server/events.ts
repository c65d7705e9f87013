import { EventEmitter } from 'node:events'

/**
 * In-process notifications between features that must not import each other's internals,
 * e.g. a round opening makes the draft read-only and the sync core must tell open connections.
 */
export interface AppEventMap {
  /** The draft of a position became read-only for everyone, or editable again. */
  'draft-readonly': [{ positionId: string; readonly: boolean }]
  /** A person was disabled (or deleted): their open connections must end. */
  'person-disabled': [{ personId: string }]
  /** All sessions of a person were ended (new password): their open connections must end too. */
  'person-sessions-ended': [{ personId: string }]
  /**
   * The stored draft is about to be read as the truth (a version is frozen). Emitted before the
   * reading transaction starts; listeners store pending edits synchronously, so an edit that
   * arrived in the same event-loop turn is part of the version.
   */
  'draft-freeze': [{ positionId: string }]
  /**
   * What these people may do changed (working-group membership, a global role, an initiative's
   * active flag or membership). Emitted after the commit; open editor connections are decided again.
   */
  'access-changed': [{ personIds: readonly string[] }]
  /**
   * The server writes into a draft (an import): the sync core, if it holds the draft, applies
   * the update as its own change (stored with its next commit, sent to every open editor) and
   * calls `taken`; if nobody takes it, the writer appends it to the stored log itself.
   */
  'draft-write': [{ positionId: string; update: Uint8Array; taken: () => void }]
  /** A session was ended (logout): connections opened with it must end too. */
  'session-ended': [{ sessionId: string }]
  /** A comment of a position was written, answered, resolved, reopened, edited or deleted (after the commit). */
  'comments-changed': [{ positionId: string }]
}

export class AppEvents extends EventEmitter<AppEventMap> {}
