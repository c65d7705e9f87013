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
}

export class AppEvents extends EventEmitter<AppEventMap> {}
