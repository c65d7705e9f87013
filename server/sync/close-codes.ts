import type { ErrorCode } from '../../shared/errors.ts'

/**
 * The one place that knows which websocket close code each error code becomes. Codes 4400–4499
 * mirror HTTP 4xx: the y-websocket client treats them as final and stops reconnecting; every
 * other code makes it reconnect with backoff (right for throttling and malformed messages).
 */
export const closeCodeFor: Record<ErrorCode, number> = {
  validation: 1007, // a malformed message: only that connection ends, the client may resync
  unauthenticated: 4401,
  forbidden: 4403,
  csrf: 4403,
  not_found: 4404,
  duplicate: 4409,
  conflict: 4409,
  last_admin: 4409,
  invalid_state: 4409,
  round_open: 4409,
  round_closed: 4409,
  ballot_final: 4409,
  deadline_too_soon: 1007,
  replace_unconfirmed: 4409,
  ballot_changed: 4409,
  split_not_allowed: 4409,
  split_invalid: 1007,
  proxy_active: 4409,
  proxy_used: 4409,
  proxy_limit: 4409,
  not_adopted: 4409,
  archive_in_round: 4409,
  status_changed: 4409,
  position_archived: 4409,
  throttled: 1008,
  payload_too_large: 1009,
  unsupported_media_type: 1003,
  unknown_content: 1007,
  nudge_too_soon: 1008,
  too_many_streams: 1008,
  image_type: 1003,
  translation_exists: 4409,
  result_not_ready: 4409,
  import_unreadable: 1007,
  import_too_large: 1009,
  draft_not_empty: 4409,
  amendment_range: 4400,
  amendment_decided: 4409,
  amendments_overlap: 4409,
  internal: 1011,
}

/** The server is shutting down or restarting: clients reconnect. */
export const CLOSE_GOING_AWAY = 1001

/** Why the core ends a connection: an error code, or a shutdown. */
export type CloseReason = ErrorCode | 'shutdown'

export function closeCode(reason: CloseReason): number {
  return reason === 'shutdown' ? CLOSE_GOING_AWAY : closeCodeFor[reason]
}
