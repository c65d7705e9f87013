import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode } from '../../shared/errors.ts'

/** The one place that knows which HTTP status each error code becomes. */
export const errorStatus: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  duplicate: 409,
  conflict: 409,
  last_admin: 409,
  throttled: 429,
  payload_too_large: 413,
  unsupported_media_type: 400,
  invalid_state: 409,
  round_open: 409,
  round_closed: 409,
  ballot_final: 409,
  // A deadline under 24 hours without shortNotice: { reason }.
  deadline_too_soon: 400,
  // Another delegate's answer would be replaced without `replace: true` (or the form's checkbox).
  replace_unconfirmed: 409,
  // The answer the request meant to replace is no longer the current one.
  ballot_changed: 409,
  not_adopted: 409,
  archive_in_round: 409,
  // An archived position is out of the lists: no round is opened on it.
  position_archived: 409,
  unknown_content: 400,
  internal: 500,
}
