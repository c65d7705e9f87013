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
  'position_archived',
  'unknown_content',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** The input field the error is about, so forms can show it next to the field. */
    readonly field?: string,
  ) {
    super(message ?? code)
    this.name = 'AppError'
  }
  /** For `throttled`: how long the caller must wait, in whole seconds (the HTTP Retry-After). */
  retryAfterSeconds?: number
  /** True when the caller gave an explicit, human-written message (else the i18n default is used). */
  get hasOwnMessage(): boolean {
    return this.message !== this.code
  }
}

export function fail(code: ErrorCode, message?: string, field?: string): never {
  throw new AppError(code, message, field)
}

/** Refuses with `throttled`, saying how long to wait (it becomes the Retry-After header). */
export function failThrottled(waitMs: number, message?: string): never {
  const error = new AppError('throttled', message)
  error.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000))
  throw error
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string }
}
