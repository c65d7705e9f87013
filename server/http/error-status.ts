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
  // Someone else moved the position through its lifecycle between this request's read and write.
  status_changed: 409,
  // An archived position is out of the lists: no round is opened on it.
  position_archived: 409,
  unknown_content: 400,
  // A nudge within 6 hours of the last one for the same round.
  nudge_too_soon: 429,
  too_many_streams: 429,
  // An uploaded logo that is not a PNG or JPEG by its content (SVG, PDF, text, a renamed file).
  image_type: 415,
  // A position has one translation per language: update that one instead.
  translation_exists: 409,
  // A round's result is asked for while it runs, or of a cancelled round.
  result_not_ready: 409,
  // An uploaded file that is broken, not what its name says, or of a kind we do not read.
  import_unreadable: 400,
  // An uploaded file beyond the size cap, or one that unpacks beyond it (a zip bomb).
  import_too_large: 413,
  // Importing into a draft that already has text.
  draft_not_empty: 409,
  // An amendment's passage that is not one in the version's text (outside it, empty, across a non-text block).
  amendment_range: 400,
  // An amendment already decided (taken over, rejected, voted on, merged) or in an open round.
  amendment_decided: 409,
  // Overlapping amendments put into one round without an order.
  amendments_overlap: 409,
  // A split ballot in a round opened without allowSplit.
  split_not_allowed: 409,
  // The parts of a split are not whole numbers of this round's answers adding up to the weight.
  split_invalid: 400,
  // The initiative's vote is handed on: its own delegates revoke the proxy before they answer.
  proxy_active: 409,
  // The proxy has cast a ballot in a round that is still open: it stands until that round ends.
  proxy_used: 409,
  // The person would carry more votes than the alliance allows.
  proxy_limit: 409,
  internal: 500,
}
