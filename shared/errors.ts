import type { MessageKey, Params } from './i18n/index.ts'

/**
 * The closed set of error codes the whole application speaks. HTTP statuses and websocket close
 * codes are derived from this list in exactly one place each (server/http/error-status.ts,
 * server/sync/close-codes.ts), so a new code cannot slip through unmapped.
 */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'csrf',
  'not_found',
  'duplicate',
  'conflict',
  'last_admin',
  'throttled',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_state',
  'round_open',
  'round_closed',
  'ballot_final',
  'deadline_too_soon',
  'replace_unconfirmed',
  'ballot_changed',
  'not_adopted',
  'archive_in_round',
  'status_changed',
  'position_archived',
  'unknown_content',
  'nudge_too_soon',
  'too_many_streams',
  'image_type',
  'translation_exists',
  'result_not_ready',
  'import_unreadable',
  'import_too_large',
  'draft_not_empty',
  'amendment_range',
  'amendment_decided',
  'amendments_overlap',
  'split_not_allowed',
  'split_invalid',
  'proxy_active',
  'proxy_used',
  'proxy_limit',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * What exactly was refused, as a message key and its parameters: domain code says it this way
 * and the edge (server/http/error-message.ts) puts it into the person's language.
 */
export interface ErrorDetail {
  key: MessageKey
  /** Values for the message's {placeholders}; `{ key }` is itself a message (a field's label, say). */
  params?: Record<string, Params[string] | { key: MessageKey }>
}

export class AppError extends Error {
  /** The refusal in words-to-be (key + parameters); translated at the edge. */
  readonly detail: ErrorDetail | undefined
  constructor(
    readonly code: ErrorCode,
    message?: string | ErrorDetail,
    /** The input field the error is about, so forms can show it next to the field. */
    readonly field?: string,
  ) {
    super(typeof message === 'string' ? message : code)
    this.name = 'AppError'
    this.detail = typeof message === 'object' ? message : undefined
  }
  /** For `throttled`: how long the caller must wait, in whole seconds (the HTTP Retry-After). */
  retryAfterSeconds?: number
  /** True when the caller gave an explicit, human-written message (else the i18n default is used). */
  get hasOwnMessage(): boolean {
    return this.message !== this.code
  }
}

/**
 * Refuses with a code; `detail` (a message key with parameters) says what exactly, `field` which
 * input it is about. A plain string is kept for messages that are not for people (e.g. `internal`).
 */
export function fail(code: ErrorCode, detail?: string | ErrorDetail, field?: string): never {
  throw new AppError(code, detail, field)
}

/** Refuses with `throttled`, saying how long to wait (it becomes the Retry-After header). */
export function failThrottled(waitMs: number, message?: string | ErrorDetail): never {
  const error = new AppError('throttled', message)
  error.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000))
  throw error
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string }
}
